import CLinuxShim

/// The three per-thread capability sets as 64-bit masks (bit n = capability n), via capget/capset version 3.
public struct CapabilitySets: Equatable, Sendable {
    public var effective: UInt64
    public var permitted: UInt64
    public var inheritable: UInt64

    public init(effective: UInt64, permitted: UInt64, inheritable: UInt64) {
        self.effective = effective
        self.permitted = permitted
        self.inheritable = inheritable
    }

    /// capget(2) for `pid` (0 = the calling thread).
    public static func read(pid: Int32 = 0) throws(SystemError) -> CapabilitySets {
        var sets = CapabilitySets(effective: 0, permitted: 0, inheritable: 0)
        _ = try syscallOnce("capget") { cls_capget(pid, &sets.effective, &sets.permitted, &sets.inheritable) }
        return sets
    }

    /// capset(2) on the calling thread.
    public func apply() throws(SystemError) {
        _ = try syscallOnce("capset") { cls_capset(effective, permitted, inheritable) }
    }

    public static func mask(_ capabilities: [Int32]) -> UInt64 {
        capabilities.reduce(0) { $1 >= 0 && $1 < 64 ? $0 | (1 << UInt64($1)) : $0 }
    }
}

public enum Capabilities {
    /// The highest capability number this kernel knows (/proc/sys/kernel/cap_last_cap); 40 on 5.9+.
    public static func lastCapability() throws(SystemError) -> Int32 {
        let path = "/proc/sys/kernel/cap_last_cap"
        let text = try FileContents.readString(path).trimmingSpaces()
        guard let last = Int32(text) else { throw SystemError(op: "parse", path: path, errno: .EINVAL) }
        return last
    }
}
