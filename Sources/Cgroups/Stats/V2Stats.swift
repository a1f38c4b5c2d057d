/// Reads cgroup2 files into CgroupStats, converted to runc's (v1-shaped) fields as runc's fs2 driver does.
enum V2Stats {
    static func cpu(_ directory: CgroupDirectory, into stats: inout CgroupStats) {
        guard let values = try? directory.readKeyedValues("cpu.stat") else { return }
        // v2 counts microseconds; the shape wants nanoseconds.
        stats.cpu.usage.total = (values["usage_usec"] ?? 0) * 1000
        stats.cpu.usage.user = (values["user_usec"] ?? 0) * 1000
        stats.cpu.usage.kernel = (values["system_usec"] ?? 0) * 1000
        stats.cpu.throttling.periods = values["nr_periods"] ?? 0
        stats.cpu.throttling.throttledPeriods = values["nr_throttled"] ?? 0
        stats.cpu.throttling.throttledTime = (values["throttled_usec"] ?? 0) * 1000
    }

    /// v2 has none of v1's flags: the effective lists only.
    static func cpuset(_ directory: CgroupDirectory, into stats: inout CgroupStats) {
        stats.cpuset.cpus = CgroupStats.CPUSet.parseList((try? directory.read("cpuset.cpus.effective")) ?? "")
        stats.cpuset.mems = CgroupStats.CPUSet.parseList((try? directory.read("cpuset.mems.effective")) ?? "")
    }

    static func memory(_ directory: CgroupDirectory, into stats: inout CgroupStats) {
        let raw = (try? directory.readKeyedValues("memory.stat")) ?? [:]
        stats.memory.raw = raw
        stats.memory.cache = raw["file"] ?? 0
        func value(_ name: String) -> UInt64 {
            // "max" reads as -1 → UInt64.max, runc's value for "unlimited".
            (try? directory.readInteger(name)).map { $0 < 0 ? UInt64.max : UInt64($0) } ?? 0
        }
        let events = (try? directory.readKeyedValues("memory.events")) ?? [:]
        stats.memory.usage.usage = value("memory.current")
        stats.memory.usage.limit = value("memory.max")
        stats.memory.usage.max = value("memory.peak")
        stats.memory.usage.failcnt = events["max"] ?? 0
        if directory.has("memory.swap.current") {
            // runc reports swap as memory+swap, the v1 meaning.
            stats.memory.swap.usage = value("memory.swap.current") &+ stats.memory.usage.usage
            let swapLimit = value("memory.swap.max")
            stats.memory.swap.limit = swapLimit == UInt64.max ? swapLimit : swapLimit &+ stats.memory.usage.limit
        }
    }

    static func pids(_ directory: CgroupDirectory, into stats: inout CgroupStats) {
        V1Stats.pids(directory, into: &stats)
    }

    /// io.stat: "8:0 rbytes=1 wbytes=2 rios=3 wios=4 dbytes=0 dios=0".
    static func io(_ directory: CgroupDirectory, into stats: inout CgroupStats) {
        guard let text = try? directory.read("io.stat") else { return }
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let device = fields.first?.split(separator: ":"), device.count == 2,
                  let major = UInt64(device[0]), let minor = UInt64(device[1]) else { continue }
            for field in fields.dropFirst() {
                let pair = field.split(separator: "=")
                guard pair.count == 2, let value = UInt64(pair[1]) else { continue }
                let entry: (Bool, String)?
                switch pair[0] {
                case "rbytes": entry = (true, "Read")
                case "wbytes": entry = (true, "Write")
                case "rios": entry = (false, "Read")
                case "wios": entry = (false, "Write")
                default: entry = nil
                }
                guard let (isBytes, op) = entry else { continue }
                let item = CgroupStats.BlockIO.Entry(major: major, minor: minor, op: op, value: value)
                if isBytes { stats.blkio.ioServiceBytesRecursive.append(item) } else { stats.blkio.ioServicedRecursive.append(item) }
            }
        }
    }

    static func hugetlb(_ directory: CgroupDirectory, into stats: inout CgroupStats) {
        for size in V1Stats.pageSizes(directory, suffix: ".current") {
            let usage = (try? directory.readInteger("hugetlb.\(size).current")).map { UInt64(clamping: $0) } ?? 0
            let failcnt = (try? directory.readKeyedValues("hugetlb.\(size).events"))?["max"] ?? 0
            stats.hugetlb[size] = CgroupStats.Hugetlb(usage: usage, max: 0, failcnt: failcnt)
        }
    }
}
