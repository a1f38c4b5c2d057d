import LinuxSys
import Glibc

/// A view of one end of the create-time socketpair (SOCK_SEQPACKET: message boundaries are kept, EOF when every
/// peer is gone). It does not own the fd: the parent's end is owned by the create operation, the children's end
/// by the children's whole life (close-on-exec closes it at the user's program).
struct SyncChannel {
    let fd: Int32

    /// A connected pair, both ends close-on-exec: the container's program never inherits them.
    /// Returns raw fds (parent end, child end); the caller adopts them (tuples cannot hold owning fds).
    static func pair() throws(SystemError) -> (parent: Int32, child: Int32) {
        var fds: [Int32] = [-1, -1]
        let result = socketpair(AF_UNIX, Int32(SOCK_SEQPACKET.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds)
        if result != 0 { throw SystemError(op: "socketpair", errno: .current) }
        return (fds[0], fds[1])
    }

    func send(_ message: SyncMessage) throws(SystemError) {
        let bytes = SyncWireFormat.encode(message)
        while true {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent >= 0 { return }
            let errno = Errno.current
            if errno != .EINTR { throw SystemError(op: "send sync message", errno: errno) }
        }
    }

    /// The next message, or nil at EOF (every peer closed its end: exited, exec'd, or died).
    func receive() throws(SystemError) -> SyncMessage? {
        let bytes: [UInt8]
        switch UnixSocket.receiveMessage(fd: fd, maxLength: 65536) {
        case .success(let received): bytes = received
        case .failure(let errno): throw SystemError(op: "receive sync message", errno: errno)
        }
        if bytes.isEmpty { return nil }
        guard let message = SyncWireFormat.decode(bytes[...]) else {
            throw SystemError(op: "decode sync message", errno: .EINVAL)
        }
        return message
    }

    /// Waits for one specific message; anything else is a protocol error, a `failed` message is rethrown as is.
    func expect(_ expected: SyncMessage, stage: String) throws(SetupFailure) {
        let message: SyncMessage?
        do { message = try receive() } catch { throw SetupFailure(stage: stage, detail: error.description) }
        switch message {
        case expected?: return
        case .failed(let failure)?: throw failure
        case nil: throw SetupFailure(stage: stage, detail: "the other side of the setup exited unexpectedly")
        case let other?: throw SetupFailure(stage: stage, detail: "unexpected sync message \(other) (wanted \(expected))")
        }
    }
}
