import CLinuxShim
import Glibc

/// A signal as read from a signalfd (the fields of struct signalfd_siginfo we use).
public struct ReceivedSignal: Equatable, Sendable {
    public var signal: Signal
    /// Sender pid (for SIGCHLD: the child).
    public var pid: Int32
    public var uid: UInt32
    /// For SIGCHLD: exit code or signal number, as ssi_status.
    public var status: Int32
}

extension FileDescriptor {
    /// signalfd(2): the signals in `set` become readable records instead of running handlers. Block them first
    /// (`set.block()`), or they are delivered the normal way. Close-on-exec always.
    public static func signalDescriptor(for set: SignalSet, nonBlocking: Bool = false) throws(SystemError) -> FileDescriptor {
        var mask = set.storage
        let flags = O_CLOEXEC | (nonBlocking ? O_NONBLOCK : 0)
        return FileDescriptor(adopting: try syscallOnce("signalfd") { cls_signalfd(-1, &mask, flags) })
    }

    /// Reads one signalfd record (128 bytes); nil when non-blocking and nothing is pending.
    public func readSignal() throws(SystemError) -> ReceivedSignal? {
        let record: [UInt8]
        do { record = try read(upTo: 128) } catch where error.errno == .EAGAIN { return nil }
        guard record.count == 128 else { throw SystemError(op: "read signalfd", errno: .EINVAL) }
        func field(_ offset: Int) -> UInt32 {
            UInt32(record[offset]) | UInt32(record[offset + 1]) << 8 | UInt32(record[offset + 2]) << 16
                | UInt32(record[offset + 3]) << 24
        }
        // ssi_signo @0, ssi_pid @12, ssi_uid @16, ssi_status @40 (little-endian, x86_64/arm64).
        return ReceivedSignal(
            signal: Signal(rawValue: Int32(bitPattern: field(0))), pid: Int32(bitPattern: field(12)),
            uid: field(16), status: Int32(bitPattern: field(40)))
    }
}
