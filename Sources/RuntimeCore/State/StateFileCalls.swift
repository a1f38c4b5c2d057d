import Glibc
import LinuxSys

// Directory helpers of the state store on top of LinuxSys. Listing a directory (readdir) is not in
// LinuxSys yet, so it is done here with Glibc directly.
enum StateFileCalls {
    /// mkdir -p with `mode` for every directory created (as Go's MkdirAll, which runc uses for its root).
    static func makeDirectories(_ path: String, mode: UInt32) throws(SystemError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix.append("/")
            prefix.append(contentsOf: component)
            do { try FileSystem.makeDirectory(prefix, mode: mode) } catch where error.errno == .EEXIST {}
        }
        guard try FileSystem.status(path).isDirectory else {
            throw SystemError(op: "mkdir", path: path, errno: .ENOTDIR)
        }
    }

    /// Names in a directory, without "." and "..". `fd` stays open (fdopendir gets a duplicate).
    static func entries(ofDirectory fd: Int32, path: String) throws(SystemError) -> [(name: String, isDirectory: Bool)] {
        let copy = fcntl(fd, F_DUPFD_CLOEXEC, 0)
        guard copy >= 0 else { throw SystemError(op: "dup", path: path, errno: .current) }
        guard let stream = fdopendir(copy) else {
            let errno = Errno.current
            _ = Glibc.close(copy)
            throw SystemError(op: "opendir", path: path, errno: errno)
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [(String, Bool)] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            names.append((name, entry.pointee.d_type == UInt8(DT_DIR)))
        }
        return names
    }

    /// Removes everything inside the directory `fd` (which stays), not following symlinks.
    static func removeContents(ofDirectory fd: Int32, path: String) throws(SystemError) {
        for entry in try entries(ofDirectory: fd, path: path) {
            let child = path + "/" + entry.name
            do {
                try FileSystem.remove(at: fd, entry.name)
                continue
            } catch where error.errno == .EISDIR || error.errno == .EPERM {
                // A directory: empty it, then remove it.
            } catch {
                throw SystemError(op: error.op, path: child, errno: error.errno)
            }
            let subdirectory = try FileDescriptor.open(at: fd, entry.name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW)
            try removeContents(ofDirectory: subdirectory.rawValue, path: child)
            do { try FileSystem.remove(at: fd, entry.name, isDirectory: true) } catch {
                throw SystemError(op: error.op, path: child, errno: error.errno)
            }
        }
    }
}
