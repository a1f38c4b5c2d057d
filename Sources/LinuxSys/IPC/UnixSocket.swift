import Glibc

/// Two connected AF_UNIX sockets (the parent↔child sync channel). A struct because tuples cannot hold ~Copyable.
@frozen public struct SocketPair: ~Copyable {
    public var first: FileDescriptor
    public var second: FileDescriptor

    /// socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC): message boundaries are kept, so each send is one
    /// recv on the other side.
    public init(type: Int32 = Int32(SOCK_SEQPACKET.rawValue)) throws(SystemError) {
        var fds: [Int32] = [-1, -1]
        let kind = type | Int32(SOCK_CLOEXEC.rawValue)
        _ = try syscallOnce("socketpair") { socketpair(AF_UNIX, kind, 0, &fds) }
        first = FileDescriptor(adopting: fds[0])
        second = FileDescriptor(adopting: fds[1])
    }
}

public enum UnixSocket {
    /// sun_path holds 108 bytes including the terminating NUL.
    static let maxPathLength = 107

    /// recv(2) of one message of at most `maxLength` bytes on a descriptor the caller may not own (EINTR retried);
    /// empty when the peer closed. The buffer is not zero-filled first: only the bytes received are written (zero-filling
    /// a 64 KiB buffer was 16 page faults per process, copy-on-write ones in a forked child).
    public static func receiveMessage(fd: Int32, maxLength: Int) -> Result<[UInt8], Errno> {
        var result: Result<Int, Errno> = .success(0)
        let message = [UInt8](unsafeUninitializedCapacity: maxLength) { buffer, initialized in
            result = retryingInterrupts { Glibc.recv(fd, buffer.baseAddress, buffer.count, 0) }
            if case .success(let got) = result { initialized = got } else { initialized = 0 }
        }
        return result.map { _ in message }
    }

    /// Connects a SOCK_STREAM socket to `path`. A path too long for sun_path is reached through
    /// /proc/self/fd/<n>/<name>, with <n> an O_PATH fd of its directory.
    public static func connect(path: String, type: Int32 = Int32(SOCK_STREAM.rawValue)) throws(SystemError) -> FileDescriptor {
        let socket = try makeSocket(type: type)
        if path.utf8.count <= maxPathLength {
            try connect(socket, address: path, displayPath: path)
            return socket
        }
        let (directory, name) = split(path)
        let directoryFD = try FileDescriptor.open(directory, OpenFlag.path | O_DIRECTORY)
        let shortPath = "/proc/self/fd/\(directoryFD.rawValue)/\(name)"
        guard shortPath.utf8.count <= maxPathLength else { throw SystemError(op: "connect", path: path, errno: .ENAMETOOLONG) }
        try connect(socket, address: shortPath, displayPath: path)
        return socket
    }

    /// socket(AF_UNIX, type | SOCK_CLOEXEC).
    public static func makeSocket(type: Int32 = Int32(SOCK_STREAM.rawValue)) throws(SystemError) -> FileDescriptor {
        FileDescriptor(adopting: try syscallOnce("socket") { socket(AF_UNIX, type | Int32(SOCK_CLOEXEC.rawValue), 0) })
    }

    /// Binds `socket` to `path` and listens (for tests and a console-socket server).
    public static func listen(path: String, type: Int32 = Int32(SOCK_STREAM.rawValue), backlog: Int32 = 8) throws(SystemError) -> FileDescriptor {
        let socket = try makeSocket(type: type)
        guard var address = makeAddress(path) else { throw SystemError(op: "bind", path: path, errno: .ENAMETOOLONG) }
        let rc = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(socket.rawValue, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        if rc != 0 { throw SystemError(op: "bind", path: path, errno: .current) }
        _ = try syscallOnce("listen", path: path) { Glibc.listen(socket.rawValue, backlog) }
        return socket
    }

    /// accept4 with close-on-exec.
    public static func accept(_ listener: borrowing FileDescriptor) throws(SystemError) -> FileDescriptor {
        FileDescriptor(adopting: try syscall("accept") { Glibc.accept(listener.rawValue, nil, nil) })
    }

    private static func connect(_ socket: borrowing FileDescriptor, address path: String, displayPath: String) throws(SystemError) {
        guard var address = makeAddress(path) else { throw SystemError(op: "connect", path: displayPath, errno: .ENAMETOOLONG) }
        let rc = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket.rawValue, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        if rc != 0 { throw SystemError(op: "connect", path: displayPath, errno: .current) }
    }

    static func makeAddress(_ path: String) -> sockaddr_un? {
        let bytes = Array(path.utf8)
        guard bytes.count <= maxPathLength else { return nil }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        return address
    }

    private static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }
}

extension FileDescriptor {
    /// send(2) of one message (MSG_NOSIGNAL: a closed peer is EPIPE, not a SIGPIPE that kills us).
    public func send(_ bytes: [UInt8]) throws(SystemError) {
        let sent = try syscall("send") { Glibc.send(rawValue, bytes, bytes.count, Int32(MSG_NOSIGNAL)) }
        if sent != bytes.count { throw SystemError(op: "send", errno: .EIO) }
    }

    /// recv(2) of one message of at most `maxLength` bytes; empty when the peer closed.
    public func receive(maxLength: Int = 4096) throws(SystemError) -> [UInt8] {
        try UnixSocket.receiveMessage(fd: rawValue, maxLength: maxLength).get(op: "recv")
    }
}
