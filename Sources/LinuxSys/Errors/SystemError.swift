/// A failed system call: which operation, on which path (if any), and the errno.
/// Rendered like Go's os.PathError / os.SyscallError: "mount /proc: permission denied", "setns: invalid argument".
public struct SystemError: Error, Equatable, Sendable, CustomStringConvertible {
    public var op: String
    public var path: String?
    public var errno: Errno

    public init(op: String, path: String? = nil, errno: Errno) {
        self.op = op
        self.path = path
        self.errno = errno
    }

    public var description: String {
        if let path { return "\(op) \(path): \(errno)" }
        return "\(op): \(errno)"
    }
}
