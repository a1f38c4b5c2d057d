// Smaller closed sets of the Linux config, raw values as the spec writes them.

public enum LinuxSchedulerPolicy: String, SpecEnum {
    case other = "SCHED_OTHER"
    case fifo = "SCHED_FIFO"
    case rr = "SCHED_RR"
    case batch = "SCHED_BATCH"
    case iso = "SCHED_ISO"
    case idle = "SCHED_IDLE"
    case deadline = "SCHED_DEADLINE"
    public static let specKind = "scheduler policy"

    /// SCHED_* for sched_setattr(2); SCHED_ISO was never merged upstream (value reserved as 4).
    public var kernelValue: UInt32 {
        switch self {
        case .other: 0
        case .fifo: 1
        case .rr: 2
        case .batch: 3
        case .iso: 4
        case .idle: 5
        case .deadline: 6
        }
    }
}

public enum LinuxSchedulerFlag: String, SpecEnum {
    case resetOnFork = "SCHED_FLAG_RESET_ON_FORK"
    case reclaim = "SCHED_FLAG_RECLAIM"
    case dlOverrun = "SCHED_FLAG_DL_OVERRUN"
    case keepPolicy = "SCHED_FLAG_KEEP_POLICY"
    case keepParams = "SCHED_FLAG_KEEP_PARAMS"
    case utilClampMin = "SCHED_FLAG_UTIL_CLAMP_MIN"
    case utilClampMax = "SCHED_FLAG_UTIL_CLAMP_MAX"
    public static let specKind = "scheduler flag"

    /// SCHED_FLAG_* bits (linux/sched.h).
    public var kernelValue: UInt64 {
        switch self {
        case .resetOnFork: 0x01
        case .reclaim: 0x02
        case .dlOverrun: 0x04
        case .keepPolicy: 0x08
        case .keepParams: 0x10
        case .utilClampMin: 0x20
        case .utilClampMax: 0x40
        }
    }
}

public enum LinuxPersonalityDomain: String, SpecEnum {
    case linux = "LINUX"
    case linux32 = "LINUX32"
    public static let specKind = "personality domain"

    /// PER_LINUX / PER_LINUX32 for personality(2).
    public var kernelValue: UInt32 { self == .linux ? 0x0000 : 0x0008 }
}

public enum IOPriorityClass: String, SpecEnum {
    case rt = "IOPRIO_CLASS_RT"
    case be = "IOPRIO_CLASS_BE"
    case idle = "IOPRIO_CLASS_IDLE"
    public static let specKind = "I/O priority class"

    /// IOPRIO_CLASS_* for ioprio_set(2).
    public var kernelValue: Int32 {
        switch self {
        case .rt: 1
        case .be: 2
        case .idle: 3
        }
    }
}

public enum LinuxMemoryPolicyMode: String, SpecEnum {
    case `default` = "MPOL_DEFAULT"
    case preferred = "MPOL_PREFERRED"
    case bind = "MPOL_BIND"
    case interleave = "MPOL_INTERLEAVE"
    case local = "MPOL_LOCAL"
    case preferredMany = "MPOL_PREFERRED_MANY"
    case weightedInterleave = "MPOL_WEIGHTED_INTERLEAVE"
    public static let specKind = "memory policy mode"

    /// MPOL_* for set_mempolicy(2); declaration order is kernel order.
    public var kernelValue: Int32 {
        Int32(Self.allCases.firstIndex(of: self) ?? 0)
    }

    /// MPOL_DEFAULT and MPOL_LOCAL take no nodes.
    public var forbidsNodes: Bool { self == .default || self == .local }

    /// These need at least one node (MPOL_PREFERRED without nodes means "local").
    public var requiresNodes: Bool { self == .bind || self == .interleave || self == .weightedInterleave || self == .preferredMany }
}

public enum LinuxMemoryPolicyFlag: String, SpecEnum {
    case numaBalancing = "MPOL_F_NUMA_BALANCING"
    case relativeNodes = "MPOL_F_RELATIVE_NODES"
    case staticNodes = "MPOL_F_STATIC_NODES"
    public static let specKind = "memory policy flag"

    /// Bits or'ed into the mode argument of set_mempolicy(2).
    public var kernelValue: Int32 {
        switch self {
        case .staticNodes: 1 << 15
        case .relativeNodes: 1 << 14
        case .numaBalancing: 1 << 13
        }
    }
}
