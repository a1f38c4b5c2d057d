import LinuxSys

/// A cgroup operation that failed: which spec key asked for it (if any), the operation, the file, and why.
/// Rendered as "linux.resources.memory.limit: write /sys/fs/cgroup/memory/c1/memory.limit_in_bytes: device or resource busy".
public struct CgroupError: Error, Equatable, Sendable, CustomStringConvertible {
    /// JSON path of the configuration value ("linux.resources.cpu.shares"), nil for lifecycle operations.
    public var key: String?
    public var op: String
    public var file: String?
    public var errno: Errno?
    /// Used instead of the errno when the failure is ours (validation, an unsupported value).
    public var reason: String?

    public init(key: String? = nil, op: String, file: String? = nil, errno: Errno? = nil, reason: String? = nil) {
        self.key = key
        self.op = op
        self.file = file
        self.errno = errno
        self.reason = reason
    }

    /// A value the host cannot honour, without a failing syscall.
    static func unsupported(_ key: String, _ reason: String) -> CgroupError {
        CgroupError(key: key, op: "", reason: reason)
    }

    init(key: String? = nil, _ error: SystemError) {
        self.init(key: key, op: error.op, file: error.path, errno: error.errno)
    }

    public var description: String {
        let body = [op, file].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        var text = key.map { "\($0): " } ?? ""
        switch (errno, reason) {
        case (let errno?, let reason?): text += "\(body): \(errno) (\(reason))"
        case (let errno?, nil): text += "\(body): \(errno)"
        case (nil, let reason?): text += body.isEmpty ? reason : "\(body): \(reason)"
        case (nil, nil): text += body
        }
        return text
    }
}
