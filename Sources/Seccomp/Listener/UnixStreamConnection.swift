import CLinuxShim
import Glibc
import LinuxSys

/// A connected AF_UNIX SOCK_STREAM client: just enough to hand one fd and a payload to a seccomp agent.
/// (Kept here until LinuxSys grows a general socket type.)
struct UnixStreamConnection: ~Copyable {
    private let socket: FileDescriptor
    private let path: String

    init(connectingTo path: String) throws(SystemError) {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        let pathBytes = Array(path.utf8)
        guard pathBytes.count < capacity else { throw SystemError(op: "connect", path: path, errno: .ENAMETOOLONG) }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
        }
        let rawFD = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        if rawFD < 0 { throw SystemError(op: "socket", path: path, errno: .current) }
        let socket = FileDescriptor(adopting: rawFD)
        let length = socklen_t(MemoryLayout<sockaddr_un>.size)
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket.rawValue, $0, length) }
        }
        if result < 0 { throw SystemError(op: "connect", path: path, errno: .current) }
        self.socket = socket
        self.path = path
    }

    /// Sends `payload` with `fd` attached (SCM_RIGHTS) to its first bytes; a short send is finished with plain
    /// sends, the fd travelling only once, as config-linux.md allows.
    func send(_ payload: [UInt8], passing fd: Int32) throws(SystemError) {
        var sent = try sendWithRights(payload, fd: fd)
        while sent < payload.count {
            let result = payload.withUnsafeBytes { raw in
                Glibc.send(socket.rawValue, raw.baseAddress.map { $0 + sent }, raw.count - sent, Int32(MSG_NOSIGNAL))
            }
            if result < 0 {
                if Errno.current == .EINTR { continue }
                throw SystemError(op: "send", path: path, errno: .current)
            }
            sent += result
        }
    }

    private func sendWithRights(_ payload: [UInt8], fd: Int32) throws(SystemError) -> Int {
        let fdSize = MemoryLayout<Int32>.size
        var control = [UInt8](repeating: 0, count: cls_cmsg_space(fdSize))
        var bytes = payload
        while true {
            let result = bytes.withUnsafeMutableBytes { data in
                control.withUnsafeMutableBytes { controlBytes in
                    var vector = iovec(iov_base: data.baseAddress, iov_len: data.count)
                    return withUnsafeMutablePointer(to: &vector) { vectorPointer in
                        var message = msghdr()
                        message.msg_iov = vectorPointer
                        message.msg_iovlen = 1
                        message.msg_control = controlBytes.baseAddress
                        message.msg_controllen = controlBytes.count
                        attachRights(fd, to: &message, fdSize: fdSize)
                        return Glibc.sendmsg(socket.rawValue, &message, Int32(MSG_NOSIGNAL))
                    }
                }
            }
            if result >= 0 { return result }
            if Errno.current != .EINTR { throw SystemError(op: "sendmsg", path: path, errno: .current) }
        }
    }

    private func attachRights(_ fd: Int32, to message: inout msghdr, fdSize: Int) {
        guard let header = cls_cmsg_firsthdr(&message) else { return }
        let control = header.assumingMemoryBound(to: cmsghdr.self)
        control.pointee.cmsg_level = SOL_SOCKET
        control.pointee.cmsg_type = Int32(SCM_RIGHTS)
        control.pointee.cmsg_len = cls_cmsg_len(fdSize)
        cls_cmsg_data(header)?.storeBytes(of: fd, as: Int32.self)
    }
}
