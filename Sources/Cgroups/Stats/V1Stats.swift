/// Reads v1 controller files into CgroupStats (cpuacct, cpu, memory, pids, blkio, hugetlb).
enum V1Stats {
    /// USER_HZ: cpuacct.stat counts in clock ticks (100 per second on every Linux ABI we run on).
    private static let nanosecondsPerTick: UInt64 = 10_000_000

    static func cpuUsage(_ directory: CgroupDirectory, into stats: inout CgroupStats) {
        stats.cpu.usage.total = (try? directory.readInteger("cpuacct.usage")).map { UInt64(clamping: $0) } ?? 0
        stats.cpu.usage.percpu = numbers(directory, "cpuacct.usage_percpu")
        if let ticks = try? directory.readKeyedValues("cpuacct.stat") {
            stats.cpu.usage.user = (ticks["user"] ?? 0) * nanosecondsPerTick
            stats.cpu.usage.kernel = (ticks["system"] ?? 0) * nanosecondsPerTick
        }
        // "cpu user system" per line after a header.
        if let text = try? directory.read("cpuacct.usage_all") {
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ").compactMap { UInt64($0) }
                guard fields.count == 3 else { continue }
                stats.cpu.usage.percpuUser.append(fields[1])
                stats.cpu.usage.percpuKernel.append(fields[2])
            }
        }
    }

    static func cpuThrottling(_ directory: CgroupDirectory, into stats: inout CgroupStats) {
        guard let values = try? directory.readKeyedValues("cpu.stat") else { return }
        stats.cpu.throttling.periods = values["nr_periods"] ?? 0
        stats.cpu.throttling.throttledPeriods = values["nr_throttled"] ?? 0
        stats.cpu.throttling.throttledTime = values["throttled_time"] ?? 0
    }

    static func cpuset(_ directory: CgroupDirectory, into stats: inout CgroupStats) {
        stats.cpuset.cpus = CgroupStats.CPUSet.parseList((try? directory.read("cpuset.cpus")) ?? "")
        stats.cpuset.mems = CgroupStats.CPUSet.parseList((try? directory.read("cpuset.mems")) ?? "")
        for name in CgroupStats.CPUSet.flagNames {
            if let value = try? directory.readInteger("cpuset." + name) { stats.cpuset.flags[name] = value }
        }
    }

    static func memory(_ directory: CgroupDirectory, into stats: inout CgroupStats) {
        let raw = (try? directory.readKeyedValues("memory.stat")) ?? [:]
        stats.memory.raw = raw
        stats.memory.cache = raw["cache"] ?? 0
        stats.memory.usage = entry(directory, prefix: "memory")
        stats.memory.swap = entry(directory, prefix: "memory.memsw")
        stats.memory.kernel = entry(directory, prefix: "memory.kmem")
        stats.memory.kernelTCP = entry(directory, prefix: "memory.kmem.tcp")
    }

    private static func entry(_ directory: CgroupDirectory, prefix: String) -> CgroupStats.Memory.Entry {
        func value(_ name: String) -> UInt64 { (try? directory.readInteger("\(prefix).\(name)")).map { UInt64(clamping: $0) } ?? 0 }
        var entry = CgroupStats.Memory.Entry()
        entry.usage = value("usage_in_bytes")
        entry.max = value("max_usage_in_bytes")
        entry.failcnt = value("failcnt")
        entry.limit = value("limit_in_bytes")
        return entry
    }

    static func pids(_ directory: CgroupDirectory, into stats: inout CgroupStats) {
        stats.pids.current = (try? directory.readInteger("pids.current")).map { UInt64(clamping: $0) } ?? 0
        // "max" reads as -1: unlimited is 0 in runc's shape.
        stats.pids.limit = (try? directory.readInteger("pids.max")).map { UInt64(clamping: max($0, 0)) } ?? 0
    }

    static func blockIO(_ directory: CgroupDirectory, into stats: inout CgroupStats) {
        // CFQ's accounting when the kernel has it, the throttle layer's otherwise (runc's order).
        let bytes = directory.has("blkio.io_service_bytes_recursive") ? "blkio.io_service_bytes_recursive"
            : "blkio.throttle.io_service_bytes_recursive"
        let ios = directory.has("blkio.io_serviced_recursive") ? "blkio.io_serviced_recursive"
            : "blkio.throttle.io_serviced_recursive"
        stats.blkio.ioServiceBytesRecursive = entries((try? directory.read(bytes)) ?? "")
        stats.blkio.ioServicedRecursive = entries((try? directory.read(ios)) ?? "")
    }

    /// "8:0 Read 4096" lines; the "Total" summary line is dropped.
    static func entries(_ text: String) -> [CgroupStats.BlockIO.Entry] {
        text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count == 3, let value = UInt64(fields[2]) else { return nil }
            let device = fields[0].split(separator: ":")
            guard device.count == 2, let major = UInt64(device[0]), let minor = UInt64(device[1]) else { return nil }
            return CgroupStats.BlockIO.Entry(major: major, minor: minor, op: String(fields[1]), value: value)
        }
    }

    static func hugetlb(_ directory: CgroupDirectory, into stats: inout CgroupStats) {
        for size in pageSizes(directory, suffix: ".usage_in_bytes") {
            func value(_ name: String) -> UInt64 { (try? directory.readInteger("hugetlb.\(size).\(name)")).map { UInt64(clamping: $0) } ?? 0 }
            stats.hugetlb[size] = CgroupStats.Hugetlb(usage: value("usage_in_bytes"), max: value("max_usage_in_bytes"), failcnt: value("failcnt"))
        }
    }

    /// Page sizes a hugetlb directory has files for ("hugetlb.2MB<suffix>" → "2MB").
    static func pageSizes(_ directory: CgroupDirectory, suffix: String) -> [String] {
        directory.fileNames().compactMap { name in
            guard name.hasPrefix("hugetlb."), name.hasSuffix(suffix) else { return nil }
            let size = name.dropFirst("hugetlb.".count).dropLast(suffix.count)
            return size.contains(".") ? nil : String(size)
        }.sorted()
    }

    static func numbers(_ directory: CgroupDirectory, _ name: String) -> [UInt64] {
        ((try? directory.read(name)) ?? "").split(separator: " ").compactMap { UInt64($0) }
    }
}
