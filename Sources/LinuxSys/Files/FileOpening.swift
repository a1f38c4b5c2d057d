import Glibc

/// Open flags Swift's Glibc hides (it is built without _GNU_SOURCE). Values from the generic Linux ABI (x86_64, arm64).
public enum OpenFlag {
    public static let path: Int32 = 0o10000000
    public static let tmpFile: Int32 = 0o20000000 | O_DIRECTORY
    public static let noFollow: Int32 = O_NOFOLLOW
    public static let directory: Int32 = O_DIRECTORY
    public static let closeOnExec: Int32 = O_CLOEXEC
}

/// *at flags hidden without _GNU_SOURCE.
public enum AtFlag {
    public static let symlinkNoFollow: Int32 = AT_SYMLINK_NOFOLLOW
    public static let removeDir: Int32 = AT_REMOVEDIR
    public static let emptyPath: Int32 = 0x1000
    public static let recursive: Int32 = 0x8000
    public static let noAutomount: Int32 = 0x800
    public static let eaccess: Int32 = AT_EACCESS
}

/// AT_FDCWD: "relative to the current directory" for the *at calls.
public let currentDirectoryFD: Int32 = AT_FDCWD

extension FileDescriptor {
    /// open(2); O_CLOEXEC is always added so nothing leaks into the container's exec.
    public static func open(
        _ path: String, _ flags: Int32 = O_RDONLY, mode: UInt32 = 0o644
    ) throws(SystemError) -> FileDescriptor {
        let fd = try syscall("open", path: path) { Glibc.open(path, flags | O_CLOEXEC, mode_t(mode)) }
        return FileDescriptor(adopting: fd)
    }

    /// openat(2) relative to `directory` (or AT_FDCWD); O_CLOEXEC always.
    public static func open(
        at directory: Int32, _ path: String, _ flags: Int32 = O_RDONLY, mode: UInt32 = 0o644
    ) throws(SystemError) -> FileDescriptor {
        let fd = try syscall("openat", path: path) { Glibc.openat(directory, path, flags | O_CLOEXEC, mode_t(mode)) }
        return FileDescriptor(adopting: fd)
    }

    /// openat relative to this directory fd.
    public func open(
        _ path: String, _ flags: Int32 = O_RDONLY, mode: UInt32 = 0o644
    ) throws(SystemError) -> FileDescriptor {
        try FileDescriptor.open(at: rawValue, path, flags, mode: mode)
    }

    /// An O_PATH handle: names a file without opening it for I/O (cannot be tricked into reading a FIFO).
    public static func openPath(_ path: String, followSymlinks: Bool = true) throws(SystemError) -> FileDescriptor {
        try open(path, OpenFlag.path | (followSymlinks ? 0 : O_NOFOLLOW))
    }
}

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
