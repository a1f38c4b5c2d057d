import LinuxSys
import Glibc

/// The parent's side of `consoleReady`: the pty master arrives in the packet after the message.
enum ConsoleMaster {
    /// Receives the master from the sync socket (a raw fd: the channel is owned elsewhere).
    static func receive(syncFD: Int32) throws(SystemError) -> FileDescriptor {
        let view = FileDescriptor(adopting: syncFD)
        var received: ReceivedDescriptors
        do { received = try view.receiveFileDescriptors(maxDescriptors: 1) } catch {
            _ = view.release()
            throw error
        }
        _ = view.release()
        guard let master = received.take(0) else { throw SystemError(op: "receive console master", errno: Errno(EPROTO)) }
        return master
    }
}
