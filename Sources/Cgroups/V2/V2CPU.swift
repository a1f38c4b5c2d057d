import OCISpec

/// v2 cpu controller: cpu.weight (converted from shares), cpu.max "quota period", cpu.max.burst, cpu.idle.
enum V2CPU: ResourceController {
    static let controller = "cpu"
    private static let key = "linux.resources.cpu"

    static func isConfigured(in resources: LinuxResources) -> Bool { V1CPU.isConfigured(in: resources) }

    static func apply(_ resources: LinuxResources, to directory: CgroupDirectory, mode: ApplyMode) throws(CgroupError) {
        guard let cpu = resources.cpu else { return }
        if let runtime = cpu.realtimeRuntime, runtime != 0 {
            throw .unsupported(key + ".realtimeRuntime", "realtime scheduling limits are not supported on cgroup v2")
        }
        if let period = cpu.realtimePeriod, period != 0 {
            throw .unsupported(key + ".realtimePeriod", "realtime scheduling limits are not supported on cgroup v2")
        }
        if let shares = cpu.shares, shares != 0 {
            try directory.write("cpu.weight", String(weight(fromShares: shares)), key: key + ".shares")
        }
        let quota = cpu.quota ?? 0
        let period = cpu.period ?? 0
        if quota != 0 || period != 0 {
            // runc: an unset or negative quota is "max", so giving only a period removes an existing quota.
            var value = quota > 0 ? String(quota) : "max"
            if period != 0 { value += " \(period)" }
            try directory.write("cpu.max", value, key: key + (quota != 0 ? ".quota" : ".period"))
        }
        if let burst = cpu.burst {
            try directory.write("cpu.max.burst", String(burst), key: key + ".burst")
        }
        if let idle = cpu.idle {
            try directory.write("cpu.idle", String(idle), key: key + ".idle")
        }
    }

    /// runc 1.1's linear map of v1 shares [2, 262144] onto v2 weight [1, 10000] (ConvertCPUSharesToCgroupV2Value);
    /// out-of-range shares are clamped first, as the v1 kernel would.
    static func weight(fromShares shares: UInt64) -> UInt64 {
        if shares == 0 { return 0 }
        let clamped = min(max(shares, 2), 262_144)
        return 1 + ((clamped - 2) * 9999) / 262_142
    }
}
