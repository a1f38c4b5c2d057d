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
        while true {
            // Uninitialized: zero-filling a 64 KiB buffer wrote 16 heap pages (16 page faults) for a 3 KiB config.
            var count = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: 65536) { buffer, initialized in
                count = Glibc.read(fd, buffer.baseAddress, buffer.count)
                initialized = max(count, 0)
            }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(reason: "permission denied or not a regular file")
            }
            bytes += chunk
        }
    }
}
