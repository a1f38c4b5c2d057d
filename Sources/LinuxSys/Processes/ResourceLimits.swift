import CLinuxShim

/// RLIMIT_* numbers (the same on every Linux architecture swiftlet targets).
public enum ResourceLimitKind: Int32, CaseIterable, Sendable {
    case cpu = 0, fileSize = 1, data = 2, stack = 3, core = 4, residentSet = 5, processes = 6
    case openFiles = 7, lockedMemory = 8, addressSpace = 9, locks = 10, pendingSignals = 11
    case messageQueue = 12, nice = 13, realtimePriority = 14, realtimeTime = 15

    /// "RLIMIT_NOFILE" → .openFiles (the names config.json uses).
    public init?(name: String) {
        guard let kind = ResourceLimitKind.allCases.first(where: { $0.name == name }) else { return nil }
        self = kind
    }

    public var name: String {
        switch self {
        case .cpu: return "RLIMIT_CPU"
        case .fileSize: return "RLIMIT_FSIZE"
        case .data: return "RLIMIT_DATA"
        case .stack: return "RLIMIT_STACK"
        case .core: return "RLIMIT_CORE"
        case .residentSet: return "RLIMIT_RSS"
        case .processes: return "RLIMIT_NPROC"
        case .openFiles: return "RLIMIT_NOFILE"
        case .lockedMemory: return "RLIMIT_MEMLOCK"
        case .addressSpace: return "RLIMIT_AS"
        case .locks: return "RLIMIT_LOCKS"
        case .pendingSignals: return "RLIMIT_SIGPENDING"
        case .messageQueue: return "RLIMIT_MSGQUEUE"
        case .nice: return "RLIMIT_NICE"
        case .realtimePriority: return "RLIMIT_RTPRIO"
        case .realtimeTime: return "RLIMIT_RTTIME"
        }
    }
}

public struct ResourceLimit: Equatable, Sendable {
    /// RLIM_INFINITY.
    public static let infinity = UInt64.max

    public var soft: UInt64
    public var hard: UInt64

    public init(soft: UInt64, hard: UInt64) {
        self.soft = soft
        self.hard = hard
    }

    /// prlimit(2) on `pid` (0 = ourselves): sets the limit. Raising a hard limit needs CAP_SYS_RESOURCE.
    public static func set(_ kind: ResourceLimitKind, _ limit: ResourceLimit, pid: Int32 = 0) throws(SystemError) {
        _ = try syscallOnce("prlimit \(kind.name)") { cls_prlimit(pid, kind.rawValue, 1, limit.soft, limit.hard, nil, nil) }
    }

    /// prlimit(2) on `pid` (0 = ourselves): reads the limit.
    public static func get(_ kind: ResourceLimitKind, pid: Int32 = 0) throws(SystemError) -> ResourceLimit {
        var limit = ResourceLimit(soft: 0, hard: 0)
        _ = try syscallOnce("prlimit \(kind.name)") { cls_prlimit(pid, kind.rawValue, 0, 0, 0, &limit.soft, &limit.hard) }
        return limit
    }
}
