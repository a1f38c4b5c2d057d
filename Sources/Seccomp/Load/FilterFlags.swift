import CSeccomp
import Glibc
import OCISpec

/// SECCOMP_FILTER_FLAG_* bits for seccomp(SECCOMP_SET_MODE_FILTER) (linux/seccomp.h). We pass them ourselves
/// rather than through libseccomp because Debian's 2.5.4 does not know WAIT_KILLABLE_RECV.
public struct FilterFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let tsync = FilterFlags(rawValue: 1 << 0)
    public static let log = FilterFlags(rawValue: 1 << 1)
    public static let specAllow = FilterFlags(rawValue: 1 << 2)
    public static let newListener = FilterFlags(rawValue: 1 << 3)
    /// With TSYNC + NEW_LISTENER the return value would be ambiguous (tid or fd): the kernel insists on this.
    public static let tsyncESRCH = FilterFlags(rawValue: 1 << 4)
    /// Only meaningful with NEW_LISTENER (the kernel rejects it alone).
    public static let waitKillableRecv = FilterFlags(rawValue: 1 << 5)

    init(_ flag: LinuxSeccompFlag) {
        switch flag {
        case .tsync: self = .tsync
        case .log: self = .log
        case .specAllow: self = .specAllow
        case .waitKillableRecv: self = .waitKillableRecv
        }
    }

    /// The bits the spec flags ask for, plus what the kernel needs alongside them.
    static func resolved(_ flags: [LinuxSeccompFlag], usesNotify: Bool) -> FilterFlags {
        var result = FilterFlags(flags.map(FilterFlags.init))
        if usesNotify {
            result.insert(.newListener)
            if result.contains(.tsync) { result.insert(.tsyncESRCH) }
        } else {
            // libseccomp 2.6 sets it only when notify is used too; without a listener it means nothing.
            result.remove(.waitKillableRecv)
        }
        return result
    }

    /// Whether this kernel accepts these flags: with a NULL program it fails with EFAULT after checking the
    /// flags (EINVAL for unknown ones), so nothing is installed. The probe libseccomp and runc use.
    public static func kernelAccepts(_ flags: FilterFlags) -> Bool {
        let result = csc_seccomp(UInt32(SECCOMP_SET_MODE_FILTER), flags.rawValue, nil)
        return result == -1 && errno == EFAULT
    }

    /// Whether the kernel can apply the spec flag (WAIT_KILLABLE_RECV is probed with the listener it needs).
    public static func kernelSupports(_ flag: LinuxSeccompFlag) -> Bool {
        let bits = FilterFlags(flag)
        return kernelAccepts(flag == .waitKillableRecv ? [bits, .newListener] : bits)
    }
}
