import Glibc

/// The *at(2) family on paths. `directory` defaults to the current directory (AT_FDCWD); errors carry the path.
public enum FileSystem {
    public static func makeDirectory(at directory: Int32 = AT_FDCWD, _ path: String, mode: UInt32 = 0o755) throws(SystemError) {
        _ = try syscall("mkdirat", path: path) { mkdirat(directory, path, mode_t(mode)) }
    }

    /// mknodat(2): device nodes, FIFOs, regular files. `device` from `DeviceNumber.make(major:minor:)`.
    public static func makeNode(at directory: Int32 = AT_FDCWD, _ path: String, mode: UInt32, device: UInt64 = 0) throws(SystemError) {
        _ = try syscall("mknodat", path: path) { mknodat(directory, path, mode_t(mode), dev_t(device)) }
    }

    public static func makeFIFO(at directory: Int32 = AT_FDCWD, _ path: String, mode: UInt32 = 0o600) throws(SystemError) {
        _ = try syscall("mkfifoat", path: path) { mkfifoat(directory, path, mode_t(mode)) }
    }

    /// symlinkat(2): creates `path` pointing at `target` (target is stored as-is, not resolved).
    public static func makeSymbolicLink(at directory: Int32 = AT_FDCWD, _ path: String, target: String) throws(SystemError) {
        _ = try syscall("symlinkat", path: path) { symlinkat(target, directory, path) }
    }

    public static func readSymbolicLink(at directory: Int32 = AT_FDCWD, _ path: String) throws(SystemError) -> String {
        var size = 256
        while true {
            var buffer = [CChar](repeating: 0, count: size)
            let length = try syscall("readlinkat", path: path) { readlinkat(directory, path, &buffer, size) }
            if length < size {
                return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            size *= 2
        }
    }

    /// unlinkat(2); `directory: true` removes an (empty) directory (AT_REMOVEDIR).
    public static func remove(at directory: Int32 = AT_FDCWD, _ path: String, isDirectory: Bool = false) throws(SystemError) {
        _ = try syscall("unlinkat", path: path) { unlinkat(directory, path, isDirectory ? AT_REMOVEDIR : 0) }
    }

    public static func rename(
        at fromDirectory: Int32 = AT_FDCWD, _ from: String, toDirectory: Int32 = AT_FDCWD, _ to: String
    ) throws(SystemError) {
        _ = try syscall("renameat", path: from) { renameat(fromDirectory, from, toDirectory, to) }
    }

    public static func changeMode(at directory: Int32 = AT_FDCWD, _ path: String, mode: UInt32) throws(SystemError) {
        _ = try syscall("fchmodat", path: path) { fchmodat(directory, path, mode_t(mode), 0) }
    }

    /// fchownat(2); -1 (UInt32.max) leaves an id unchanged. `followSymlinks: false` changes the link itself.
    public static func changeOwner(
        at directory: Int32 = AT_FDCWD, _ path: String, uid: UInt32, gid: UInt32, followSymlinks: Bool = true
    ) throws(SystemError) {
        let flags = followSymlinks ? 0 : AT_SYMLINK_NOFOLLOW
        _ = try syscall("fchownat", path: path) { fchownat(directory, path, uid, gid, flags) }
    }

    /// stat(2) (follows symlinks).
    public static func status(at directory: Int32 = AT_FDCWD, _ path: String) throws(SystemError) -> FileStatus {
        var st = stat()
        _ = try syscall("stat", path: path) { fstatat(directory, path, &st, 0) }
        return FileStatus(st)
    }

    /// lstat(2): the link itself, not what it points to.
    public static func linkStatus(at directory: Int32 = AT_FDCWD, _ path: String) throws(SystemError) -> FileStatus {
        var st = stat()
        _ = try syscall("lstat", path: path) { fstatat(directory, path, &st, AT_SYMLINK_NOFOLLOW) }
        return FileStatus(st)
    }

    /// True if `path` exists (without following a final symlink).
    public static func exists(at directory: Int32 = AT_FDCWD, _ path: String) -> Bool {
        var st = stat()
        return fstatat(directory, path, &st, AT_SYMLINK_NOFOLLOW) == 0
    }

    /// faccessat(2) with AT_EACCESS (effective ids, as exec would check). `mode`: X_OK, R_OK, W_OK, F_OK.
    public static func checkAccess(at directory: Int32 = AT_FDCWD, _ path: String, mode: Int32) throws(SystemError) {
        _ = try syscall("faccessat", path: path) { faccessat(directory, path, mode, AT_EACCESS) }
    }

    public static func changeDirectory(_ path: String) throws(SystemError) {
        _ = try syscall("chdir", path: path) { chdir(path) }
    }

    public static func changeRoot(_ path: String) throws(SystemError) {
        _ = try syscall("chroot", path: path) { chroot(path) }
    }

    /// umask(2); returns the previous mask.
    @discardableResult
    public static func setUmask(_ mask: UInt32) -> UInt32 { UInt32(umask(mode_t(mask))) }
}

extension FileDescriptor {
    public func changeMode(_ mode: UInt32) throws(SystemError) {
        _ = try syscall("fchmod") { fchmod(rawValue, mode_t(mode)) }
    }

    public func changeOwner(uid: UInt32, gid: UInt32) throws(SystemError) {
        _ = try syscall("fchown") { fchown(rawValue, uid, gid) }
    }

    /// fchdir(2): the way into a directory we already hold open (e.g. the rootfs before pivot_root).
    public func changeDirectoryHere() throws(SystemError) {
        _ = try syscall("fchdir") { fchdir(rawValue) }
    }
}
