import Glibc

/// Whole-file helpers for /proc, /sys and small config files.
public enum FileContents {
    public static func read(_ path: String) throws(SystemError) -> [UInt8] {
        let fd = try FileDescriptor.open(path, O_RDONLY)
        do { return try fd.readAll() } catch { throw SystemError(op: "read", path: path, errno: error.errno) }
    }

    public static func readString(_ path: String) throws(SystemError) -> String {
        String(decoding: try read(path), as: UTF8.self)
    }

    /// Writes `bytes` to an existing file without truncating it first (cgroup files, /proc/*/uid_map…).
    public static func write(_ path: String, _ bytes: [UInt8], flags: Int32 = O_WRONLY) throws(SystemError) {
        let fd = try FileDescriptor.open(path, flags)
        do { try fd.writeAll(bytes) } catch { throw SystemError(op: "write", path: path, errno: error.errno) }
    }

    public static func write(_ path: String, _ text: String, flags: Int32 = O_WRONLY) throws(SystemError) {
        try write(path, Array(text.utf8), flags: flags)
    }
}
