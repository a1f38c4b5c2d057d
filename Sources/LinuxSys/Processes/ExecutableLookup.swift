import Glibc

/// Go's exec.LookPath, which runc uses on process.args[0]: engines map its error text to exit code 127.
public enum ExecutableLookup {
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// Not found in any PATH directory (or PATH empty).
        case notFound(name: String)
        /// A name with a slash that is missing or not executable.
        case notExecutable(name: String, errno: Errno)

        public var description: String {
            switch self {
            case .notFound(let name): return "exec: \"\(name)\": executable file not found in $PATH"
            case .notExecutable(let name, let errno): return "exec: \"\(name)\": \(errno)"
            }
        }
    }

    /// A name containing "/" is checked as is; otherwise each PATH directory is tried in order ("" means ".").
    /// `root` (a directory fd, e.g. the container's root before pivot) scopes the checks: paths are looked up
    /// relative to it. Returns the path to exec (as the process inside the root would see it).
    public static func lookPath(_ name: String, path: String, inRoot root: Int32 = AT_FDCWD) throws(Failure) -> String {
        if name.contains("/") {
            if let errno = check(name, root: root) { throw .notExecutable(name: name, errno: errno) }
            return name
        }
        if name.isEmpty { throw .notFound(name: name) }
        for directory in path.split(separator: ":", omittingEmptySubsequences: false) {
            let dir = directory.isEmpty ? "." : String(directory)
            let candidate = dir + "/" + name
            if check(candidate, root: root) == nil { return candidate }
        }
        throw .notFound(name: name)
    }

    /// The PATH value from an environment list ("PATH=/bin:/usr/bin"), or nil.
    public static func pathVariable(in environment: [String]) -> String? {
        // The last definition wins, as with Go's os.Getenv on a duplicated entry after exec's dedup.
        environment.last { $0.hasPrefix("PATH=") }.map { String($0.dropFirst(5)) }
    }

    /// nil if `path` is an executable file; otherwise why not: EISDIR for a directory, EACCES for a file
    /// without execute permission (Go's texts "is a directory", "permission denied").
    static func check(_ path: String, root: Int32) -> Errno? {
        if root == AT_FDCWD {
            var st = stat()
            if stat(path, &st) != 0 { return .current }
            if FileStatus(st).isDirectory { return .EISDIR }
            return faccessat(AT_FDCWD, path, X_OK, AT_EACCESS) == 0 ? nil : .current
        }
        // Resolved as the container would see it: symlinks and ".." stay inside the root.
        let file: FileDescriptor
        do { file = try FileDescriptor.open(at: root, path, OpenFlag.path, resolve: [.inRoot, .noMagicLinks]) } catch {
            return error.errno
        }
        guard let status = try? file.status() else { return .current }
        if status.isDirectory { return .EISDIR }
        return faccessat(file.rawValue, "", X_OK, AT_EACCESS | AtFlag.emptyPath) == 0 ? nil : .current
    }
}
