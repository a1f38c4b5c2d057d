import CLinuxShim
import Glibc

/// Paths inside a container's root, created without ever following a symlink out of it.
/// Every step is resolved with openat2(RESOLVE_IN_ROOT) against an O_PATH fd of the root, so `/mnt -> /`
/// or `../../etc` land inside the root, as they would for a process chrooted there.
public enum RootedPaths {
    /// Symlinks followed before giving up with ELOOP (the kernel's own limit).
    static let maxSymlinks = 40

    /// Creates every missing directory of `path` inside `root` (mkdirat per component, mode minus umask) and returns
    /// an O_PATH fd of the final directory. A symlink on the way is followed *inside* the root, and a dangling one
    /// gets its target created.
    @discardableResult
    public static func mkdirAll(
        inRoot root: borrowing FileDescriptor, path: String, mode: UInt32 = 0o755
    ) throws(SystemError) -> FileDescriptor {
        // Usually the whole path is already there, made of plain directories: one openat2 instead of three calls per
        // component. With no symlink on the way (RESOLVE_NO_SYMLINKS) it is exactly the directory the walk below
        // would reach; anything else (missing, a symlink, not a directory) takes the walk and its rules and errors.
        if let existing = try? root.open(path.isEmpty ? "." : path, OpenFlag.path | O_DIRECTORY, resolve: [.inRoot, .noSymlinks]) {
            return existing
        }
        var resolved: [Substring] = []
        var pending = components(of: path)
        var symlinksFollowed = 0
        while !pending.isEmpty {
            let name = pending.removeFirst()
            if name == "." { continue }
            // `resolved` holds real directories only (symlinks were substituted), so ".." is lexical.
            if name == ".." { _ = resolved.popLast(); continue }
            let parent = try root.openInRoot(join(resolved), OpenFlag.path | O_DIRECTORY)
            let child = String(name)
            var st = stat()
            if fstatat(parent.rawValue, child, &st, AT_SYMLINK_NOFOLLOW) != 0 {
                let errno = Errno.current
                guard errno == .ENOENT else { throw SystemError(op: "stat", path: display(resolved, name), errno: errno) }
                do { try FileSystem.makeDirectory(at: parent.rawValue, child, mode: mode) } catch where error.errno == .EEXIST {
                    pending.insert(name, at: 0) // lost a race: look again
                    continue
                } catch { throw SystemError(op: "mkdirat", path: display(resolved, name), errno: error.errno) }
                resolved.append(name)
                continue
            }
            let status = FileStatus(st)
            if status.isDirectory {
                resolved.append(name)
            } else if status.isSymbolicLink {
                symlinksFollowed += 1
                if symlinksFollowed > maxSymlinks { throw SystemError(op: "mkdirall", path: path, errno: .ELOOP) }
                // procfs links (/proc/self, /proc/<pid>/fd/N) read as host paths: following them would create the
                // host's directory tree inside the root. Refused, as openInRoot refuses magic links.
                if isOnProcFS(parent.rawValue) { throw SystemError(op: "mkdirall", path: display(resolved, name), errno: .ELOOP) }
                let target = try FileSystem.readSymbolicLink(at: parent.rawValue, child)
                if target.hasPrefix("/") { resolved = [] }
                pending = components(of: target) + pending
            } else {
                throw SystemError(op: "mkdirat", path: display(resolved, name), errno: .ENOTDIR)
            }
        }
        return try root.openInRoot(join(resolved), OpenFlag.path | O_DIRECTORY)
    }

    private static func isOnProcFS(_ directory: Int32) -> Bool {
        cls_filesystem_type(directory) == 0x9fa0  // PROC_SUPER_MAGIC
    }

    /// `mkdirAll` on a root given by path.
    @discardableResult
    public static func mkdirAll(inRoot rootPath: String, path: String, mode: UInt32 = 0o755) throws(SystemError) -> FileDescriptor {
        let root = try FileDescriptor.open(rootPath, OpenFlag.path | O_DIRECTORY)
        return try mkdirAll(inRoot: root, path: path, mode: mode)
    }

    /// Makes sure a regular file (or whatever already sits there) exists at `path` inside `root`, creating the parent
    /// directories and an empty file as needed; returns an O_PATH fd of it (a bind-mount target, typically).
    /// A dangling symlink at `path` gets its target created, inside the root.
    @discardableResult
    public static func createFile(
        inRoot root: borrowing FileDescriptor, path: String, mode: UInt32 = 0o644
    ) throws(SystemError) -> FileDescriptor {
        var current = path
        for _ in 0...maxSymlinks {
            if let existing = try openIfPresent(root, current) { return existing }
            let parts = components(of: current)
            guard let base = parts.last, base != "..", base != "." else {
                throw SystemError(op: "create", path: path, errno: .EISDIR)
            }
            let parentPath = join(Array(parts.dropLast()))
            let parent = try mkdirAll(inRoot: root, path: parentPath, mode: 0o755)
            do {
                // O_EXCL never follows a symlink, so a dangling link cannot make us create outside the root.
                let created = try parent.open(String(base), O_CREAT | O_EXCL | O_WRONLY, mode: mode)
                _ = consume created
                return try root.openInRoot(current)
            } catch where error.errno == .EEXIST {
                // A dangling symlink (or a racing creator): follow the link by hand, inside the root.
                let target: String
                do { target = try FileSystem.readSymbolicLink(at: parent.rawValue, String(base)) } catch where error.errno == .EINVAL {
                    continue // not a link: someone created it meanwhile; look again
                }
                current = target.hasPrefix("/") ? target : "/" + parentPath + "/" + target
            } catch {
                throw SystemError(op: "create", path: path, errno: error.errno)
            }
        }
        throw SystemError(op: "create", path: path, errno: .ELOOP)
    }

    /// `createFile` on a root given by path.
    @discardableResult
    public static func createFile(inRoot rootPath: String, path: String, mode: UInt32 = 0o644) throws(SystemError) -> FileDescriptor {
        let root = try FileDescriptor.open(rootPath, OpenFlag.path | O_DIRECTORY)
        return try createFile(inRoot: root, path: path, mode: mode)
    }

    private static func openIfPresent(_ root: borrowing FileDescriptor, _ path: String) throws(SystemError) -> FileDescriptor? {
        do { return try root.openInRoot(path) } catch where error.errno == .ENOENT { return nil }
    }

    static func components(of path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    private static func join(_ parts: [Substring]) -> String { parts.isEmpty ? "." : PathText.joined(parts, separator: "/") }

    private static func display(_ parts: [Substring], _ name: Substring) -> String { PathText.absolute(parts + [name]) }
}
