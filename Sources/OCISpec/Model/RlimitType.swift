/// setrlimit(2) resources by their spec names, with the kernel's RLIMIT_* numbers (x86/arm/generic).
public enum RlimitType: String, SpecEnum {
    case cpu = "RLIMIT_CPU"
    case fsize = "RLIMIT_FSIZE"
    case data = "RLIMIT_DATA"
    case stack = "RLIMIT_STACK"
    case core = "RLIMIT_CORE"
    case rss = "RLIMIT_RSS"
    case nproc = "RLIMIT_NPROC"
    case nofile = "RLIMIT_NOFILE"
    case memlock = "RLIMIT_MEMLOCK"
    case `as` = "RLIMIT_AS"
    case locks = "RLIMIT_LOCKS"
    case sigpending = "RLIMIT_SIGPENDING"
    case msgqueue = "RLIMIT_MSGQUEUE"
    case nice = "RLIMIT_NICE"
    case rtprio = "RLIMIT_RTPRIO"
    case rttime = "RLIMIT_RTTIME"

    public static let specKind = "rlimit"

    /// The RLIMIT_* number; declaration order is kernel order.
    public var kernelValue: Int32 {
        Int32(Self.allCases.firstIndex(of: self) ?? 0)
    }
}
