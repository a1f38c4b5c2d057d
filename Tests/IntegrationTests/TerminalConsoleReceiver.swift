import Glibc
import Testing

/// The engine's side of runc's console-socket protocol, as containerd's and conmon's: listen on an AF_UNIX
/// stream socket, accept the runtime's connection, take the pty master out of SCM_RIGHTS.
final class TerminalConsoleReceiver {
    let path: String
    private let listener: Int32

    init(path: String) throws {
        self.path = path
        listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        try #require(listener >= 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        try #require(bytes.count < 108, "socket path too long")
        withUnsafeMutableBytes(of: &address.sun_path) { raw in for (index, byte) in bytes.enumerated() { raw[index] = byte } }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0, "bind \(path): \(String(cString: strerror(errno)))")
        try #require(listen(listener, 1) == 0)
    }

    deinit { close(listener) }

    /// Waits (bounded) for one connection and returns the fd it carried and the message's payload (the name).
    func receiveMaster(timeoutSeconds: Int32 = 15) -> (fd: Int32, name: String)? {
        var entry = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, timeoutSeconds * 1000) == 1 else { return nil }
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return nil }
        defer { close(connection) }
        var payload = [UInt8](repeating: 0, count: 8192)  // a seccomp listener state is larger than a console name
        var control = [UInt8](repeating: 0, count: 64)
        var fd: Int32 = -1
        let got = payload.withUnsafeMutableBytes { payloadBytes in
            control.withUnsafeMutableBytes { controlBytes -> Int in
                var vector = iovec(iov_base: payloadBytes.baseAddress, iov_len: payloadBytes.count)
                return withUnsafeMutablePointer(to: &vector) { vectorPointer -> Int in
                    var message = msghdr()
                    message.msg_iov = vectorPointer
                    message.msg_iovlen = 1
                    message.msg_control = controlBytes.baseAddress
                    message.msg_controllen = controlBytes.count
                    let count = recvmsg(connection, &message, 0)
                    // struct cmsghdr is 16 bytes (len 8, level 4, type 4); the fd follows it.
                    if count >= 0, message.msg_controllen >= 20 {
                        let level = controlBytes.load(fromByteOffset: 8, as: Int32.self)
                        let type = controlBytes.load(fromByteOffset: 12, as: Int32.self)
                        if level == SOL_SOCKET && type == Int32(SCM_RIGHTS) {
                            fd = controlBytes.load(fromByteOffset: 16, as: Int32.self)
                        }
                    }
                    return count
                }
            }
        }
        guard got >= 0, fd >= 0 else { return nil }
        return (fd, String(decoding: payload[..<got], as: UTF8.self))
    }

    /// Everything readable from `fd` until `marker` shows up, EOF/EIO, or the deadline.
    static func read(_ fd: Int32, until marker: String, timeoutSeconds: Double = 15) -> String {
        var collected: [UInt8] = []
        let deadline = Monotonic.now + timeoutSeconds
        while Monotonic.now < deadline {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&entry, 1, 200) <= 0 { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = Glibc.read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            collected += buffer[..<count]
            if String(decoding: collected, as: UTF8.self).contains(marker) { break }
        }
        return String(decoding: collected, as: UTF8.self)
    }
}
