import LinuxSys
import OCISpec

/// v1 cpu controller: shares, CFS quota/period/burst, realtime runtime/period, idle.
enum V1CPU: ResourceController {
    static let controller = "cpu"
    private static let key = "linux.resources.cpu"

    static func isConfigured(in resources: LinuxResources) -> Bool {
        guard let cpu = resources.cpu else { return false }
        return cpu.shares != nil || cpu.quota != nil || cpu.period != nil || cpu.burst != nil
            || cpu.realtimeRuntime != nil || cpu.realtimePeriod != nil || cpu.idle != nil
    }

    static func apply(_ resources: LinuxResources, to directory: CgroupDirectory, mode: ApplyMode) throws(CgroupError) {
        guard let cpu = resources.cpu else { return }
        // Realtime first: a later quota cannot make the group use realtime budget it does not have.
        if let period = cpu.realtimePeriod, period != 0 {
            try directory.write("cpu.rt_period_us", String(period), key: key + ".realtimePeriod")
        }
        if let runtime = cpu.realtimeRuntime, runtime != 0 {
            try directory.write("cpu.rt_runtime_us", String(runtime), key: key + ".realtimeRuntime")
        }
        if let shares = cpu.shares, shares != 0 { try setShares(shares, directory) }
        try setQuotaAndPeriod(quota: cpu.quota ?? 0, period: cpu.period ?? 0, directory)
        if let burst = cpu.burst {
            try directory.write("cpu.cfs_burst_us", String(burst), key: key + ".burst")
        }
        if let idle = cpu.idle {
            try directory.write("cpu.idle", String(idle), key: key + ".idle")
        }
    }

    /// The kernel clamps shares silently; runc reads them back and reports the clamp.
    private static func setShares(_ shares: UInt64, _ directory: CgroupDirectory) throws(CgroupError) {
        try directory.write("cpu.shares", String(shares), key: key + ".shares")
        let actual = try directory.readInteger("cpu.shares", key: key + ".shares")
        if UInt64(clamping: actual) < shares {
            throw .unsupported(key + ".shares", "the maximum allowed cpu-shares is \(actual)")
        } else if UInt64(clamping: actual) > shares {
            throw .unsupported(key + ".shares", "the minimum allowed cpu-shares is \(actual)")
        }
    }

    /// A shorter period can be refused (EINVAL) while the old quota/new period ratio exceeds the parent's;
    /// then write the quota first and retry the period (runc).
    private static func setQuotaAndPeriod(quota: Int64, period: UInt64, _ directory: CgroupDirectory) throws(CgroupError) {
        var periodPending = false
        if period != 0 {
            do {
                try directory.write("cpu.cfs_period_us", String(period), key: key + ".period")
            } catch {
                guard error.errno == .EINVAL, quota != 0 else { throw error }
                periodPending = true
            }
        }
        if quota != 0 {
            try directory.write("cpu.cfs_quota_us", String(quota), key: key + ".quota")
            if periodPending { try directory.write("cpu.cfs_period_us", String(period), key: key + ".period") }
        }
    }
}
