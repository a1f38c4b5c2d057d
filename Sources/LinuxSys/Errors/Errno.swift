import Glibc

/// A Linux errno value. `description` is Go's text for it ("no such file or directory"),
/// because container engines match runc's error strings.
public struct Errno: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }
    public init(_ rawValue: Int32) { self.rawValue = rawValue }

    /// The calling thread's errno, read right away (any later call may overwrite it).
    public static var current: Errno { Errno(rawValue: Glibc.errno) }

    public var description: String {
        if let text = Errno.goText[rawValue] { return text }
        // Go's table is glibc's strerror with a lowercase first letter; the table above pins the common ones.
        guard let cText = strerror(rawValue) else { return "errno \(rawValue)" }
        let text = String(cString: cText)
        guard let first = text.first else { return "errno \(rawValue)" }
        return first.lowercased() + text.dropFirst()
    }

    public static let EPERM = Errno(1)
    public static let ENOENT = Errno(2)
    public static let ESRCH = Errno(3)
    public static let EINTR = Errno(4)
    public static let EIO = Errno(5)
    public static let ENXIO = Errno(6)
    public static let E2BIG = Errno(7)
    public static let ENOEXEC = Errno(8)
    public static let EBADF = Errno(9)
    public static let ECHILD = Errno(10)
    public static let EAGAIN = Errno(11)
    public static let EWOULDBLOCK = Errno(11)
    public static let ENOMEM = Errno(12)
    public static let EACCES = Errno(13)
    public static let EFAULT = Errno(14)
    public static let EBUSY = Errno(16)
    public static let EEXIST = Errno(17)
    public static let EXDEV = Errno(18)
    public static let ENODEV = Errno(19)
    public static let ENOTDIR = Errno(20)
    public static let EISDIR = Errno(21)
    public static let EINVAL = Errno(22)
    public static let ENFILE = Errno(23)
    public static let EMFILE = Errno(24)
    public static let ENOTTY = Errno(25)
    public static let ETXTBSY = Errno(26)
    public static let ENOSPC = Errno(28)
    public static let ESPIPE = Errno(29)
    public static let EROFS = Errno(30)
    public static let EPIPE = Errno(32)
    public static let ERANGE = Errno(34)
    public static let ENAMETOOLONG = Errno(36)
    public static let ENOSYS = Errno(38)
    public static let ENOTEMPTY = Errno(39)
    public static let ELOOP = Errno(40)
    public static let ENODATA = Errno(61)
    public static let EMSGSIZE = Errno(90)
    public static let EOPNOTSUPP = Errno(95)
    public static let EADDRINUSE = Errno(98)
    public static let ECONNRESET = Errno(104)
    public static let ETIMEDOUT = Errno(110)
    public static let ECONNREFUSED = Errno(111)

    /// Go's syscall error strings (zerrors_linux_amd64.go) for the errnos a runtime meets.
    private static let goText: [Int32: String] = [
        1: "operation not permitted",
        2: "no such file or directory",
        3: "no such process",
        4: "interrupted system call",
        5: "input/output error",
        6: "no such device or address",
        7: "argument list too long",
        8: "exec format error",
        9: "bad file descriptor",
        10: "no child processes",
        11: "resource temporarily unavailable",
        12: "cannot allocate memory",
        13: "permission denied",
        14: "bad address",
        15: "block device required",
        16: "device or resource busy",
        17: "file exists",
        18: "invalid cross-device link",
        19: "no such device",
        20: "not a directory",
        21: "is a directory",
        22: "invalid argument",
        23: "too many open files in system",
        24: "too many open files",
        25: "inappropriate ioctl for device",
        26: "text file busy",
        27: "file too large",
        28: "no space left on device",
        29: "illegal seek",
        30: "read-only file system",
        31: "too many links",
        32: "broken pipe",
        33: "numerical argument out of domain",
        34: "numerical result out of range",
        35: "resource deadlock avoided",
        36: "file name too long",
        37: "no locks available",
        38: "function not implemented",
        39: "directory not empty",
        40: "too many levels of symbolic links",
        61: "no data available",
        90: "message too long",
        95: "operation not supported",
        98: "address already in use",
        104: "connection reset by peer",
        110: "connection timed out",
        111: "connection refused",
    ]
}
