import Glibc

/// The one file read this module does: config.json (the module is otherwise pure).
enum BundleFile {
    struct ReadError: Error {
        var reason: String
    }

    static func read(_ path: String) throws(ReadError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            throw ReadError(reason: errno == ENOENT ? "no such file or directory" : "permission denied or not a regular file")
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(reason: "permission denied or not a regular file")
            }
            bytes += chunk[0..<count]
        }
    }
}
