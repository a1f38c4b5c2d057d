import Glibc

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
