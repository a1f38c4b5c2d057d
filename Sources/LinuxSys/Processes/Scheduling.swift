import CLinuxShim

/// sched_setattr(2) parameters (what config.json's process.scheduler carries).
public struct SchedulerAttributes: Equatable, Sendable {
    /// SCHED_OTHER 0, SCHED_FIFO 1, SCHED_RR 2, SCHED_BATCH 3, SCHED_IDLE 5, SCHED_DEADLINE 6.
    public var policy: UInt32
    /// SCHED_FLAG_* (reset-on-fork 0x01, reclaim 0x02, dl-overrun 0x04, …).
    public var flags: UInt64
    public var nice: Int32
    public var priority: UInt32
    /// SCHED_DEADLINE times, in nanoseconds.
    public var runtime: UInt64
    public var deadline: UInt64
    public var period: UInt64

    public init(policy: UInt32, flags: UInt64 = 0, nice: Int32 = 0, priority: UInt32 = 0,
                runtime: UInt64 = 0, deadline: UInt64 = 0, period: UInt64 = 0) {
        self.policy = policy
        self.flags = flags
        self.nice = nice
        self.priority = priority
        self.runtime = runtime
        self.deadline = deadline
        self.period = period
    }

    /// Policy names as config.json spells them.
    public static func policy(named name: String) -> UInt32? {
        let policies: [String: UInt32] = [
            "SCHED_OTHER": 0, "SCHED_FIFO": 1, "SCHED_RR": 2, "SCHED_BATCH": 3, "SCHED_ISO": 4,
            "SCHED_IDLE": 5, "SCHED_DEADLINE": 6,
        ]
        return policies[name]
    }

    /// Flag names as config.json spells them.
    public static func flag(named name: String) -> UInt64? {
        let flags: [String: UInt64] = [
            "SCHED_FLAG_RESET_ON_FORK": 0x01, "SCHED_FLAG_RECLAIM": 0x02, "SCHED_FLAG_DL_OVERRUN": 0x04,
            "SCHED_FLAG_KEEP_POLICY": 0x08, "SCHED_FLAG_KEEP_PARAMS": 0x10, "SCHED_FLAG_UTIL_CLAMP_MIN": 0x20,
            "SCHED_FLAG_UTIL_CLAMP_MAX": 0x40,
        ]
        return flags[name]
    }

    /// sched_setattr(2) on `pid` (0 = the calling thread).
    public func apply(pid: Int32 = 0) throws(SystemError) {
        _ = try syscallOnce("sched_setattr") {
            cls_sched_setattr(pid, policy, flags, nice, priority, runtime, deadline, period)
        }
    }
}

/// A set of CPUs, parsed from the kernel's list format ("0-3,7") as used by cpuset.cpus and execCPUAffinity.
public struct CPUSet: Equatable, Sendable {
    public private(set) var cpus: [Int]

    public init(cpus: [Int]) { self.cpus = Array(Set(cpus)).sorted() }

    /// Parses "0-3,7", " 1 , 4-5 ". Nil for anything malformed (reversed ranges, letters, empty items).
    public init?(list: String) {
        var cpus: [Int] = []
        let trimmed = list.trimmingSpaces()
        if trimmed.isEmpty { return nil }
        for item in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let range = item.split(separator: "-", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
            guard range.count == 1 || range.count == 2,
                  let low = Int(range[0]), let high = Int(range[range.count - 1]), low >= 0, low <= high, high < 65536
            else { return nil }
            cpus += Array(low...high)
        }
        self.init(cpus: cpus)
    }

    /// The bitmask sched_setaffinity wants: bit n of byte n/8 is CPU n, padded to whole 64-bit words.
    public var mask: [UInt8] {
        let highest = cpus.last ?? 0
        var bytes = [UInt8](repeating: 0, count: (highest / 64 + 1) * 8)
        for cpu in cpus { bytes[cpu / 8] |= 1 << UInt8(cpu % 8) }
        return bytes
    }

    /// sched_setaffinity(2) on `pid` (0 = the calling thread).
    public func applyAffinity(pid: Int32 = 0) throws(SystemError) {
        let mask = self.mask
        _ = try syscallOnce("sched_setaffinity") { cls_sched_setaffinity(pid, mask.count, mask) }
    }

    /// How many CPUs the process may run on (sched_getaffinity(2), counted without building the set).
    public static func affinityCount(pid: Int32 = 0) throws(SystemError) -> Int {
        var count = 0
        for byte in try affinityMask(pid: pid) { count += byte.nonzeroBitCount }
        return count
    }

    /// sched_getaffinity(2).
    public static func affinity(pid: Int32 = 0) throws(SystemError) -> CPUSet {
        let mask = try affinityMask(pid: pid)
        var cpus: [Int] = []
        for index in 0..<(mask.count * 8) where mask[index / 8] & (1 << UInt8(index % 8)) != 0 { cpus.append(index) }
        return CPUSet(cpus: cpus)
    }

    /// The kernel's affinity bitmap, as many bytes as it reports.
    private static func affinityMask(pid: Int32) throws(SystemError) -> [UInt8] {
        var mask = [UInt8](repeating: 0, count: 1024)
        let size = try syscallOnce("sched_getaffinity") { cls_sched_getaffinity(pid, mask.count, &mask) }
        return Array(mask.prefix(Int(size)))
    }
}

public enum IOPriority {
    /// IOPRIO_CLASS_* as config.json names them.
    public static func ioClass(named name: String) -> Int32? {
        ["IOPRIO_CLASS_NONE": 0, "IOPRIO_CLASS_RT": 1, "IOPRIO_CLASS_BE": 2, "IOPRIO_CLASS_IDLE": 3][name]
    }

    /// ioprio_set(IOPRIO_WHO_PROCESS, pid, class << 13 | level); pid 0 = ourselves.
    public static func set(ioClass: Int32, level: Int32, pid: Int32 = 0) throws(SystemError) {
        let whoProcess: Int32 = 1
        _ = try syscallOnce("ioprio_set") { cls_ioprio_set(whoProcess, pid, (ioClass << 13) | level) }
    }
}
