import CLinuxShim

/// seccomp(2), raw: libseccomp compiles the filter; this loads it with flags libseccomp's loader does not expose.
public enum SeccompSyscall {
    public static let setModeFilter: UInt32 = 1
    public static let flagTSync: UInt32 = 1
    public static let flagLog: UInt32 = 2
    public static let flagSpecAllow: UInt32 = 4
    public static let flagNewListener: UInt32 = 8
    public static let flagWaitKillableRecv: UInt32 = 32

    /// seccomp(SECCOMP_SET_MODE_FILTER, flags, &sock_fprog). `program` points at a struct sock_fprog.
    /// Returns the listener fd with `flagNewListener`, otherwise 0.
    @discardableResult
    public static func setFilter(flags: UInt32, program: UnsafeMutableRawPointer) throws(SystemError) -> Int32 {
        Int32(truncatingIfNeeded: try syscallOnce("seccomp") { cls_seccomp(setModeFilter, flags, program) })
    }
}
