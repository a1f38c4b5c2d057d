import OCISpec

/// v2 memory controller: memory.max, memory.swap.max (swap alone, converted from v1's memory+swap),
/// memory.low for the reservation.
enum V2Memory: ResourceController {
    static let controller = "memory"
    private static let key = "linux.resources.memory"

    static func isConfigured(in resources: LinuxResources) -> Bool { resources.memory != nil }

    static func apply(_ resources: LinuxResources, to directory: CgroupDirectory, mode: ApplyMode) throws(CgroupError) {
        guard let memory = resources.memory else { return }
        if let swappiness = memory.swappiness {
            throw .unsupported(key + ".swappiness", "memory.swappiness \(swappiness) is not supported on cgroup v2")
        }
        if memory.disableOOMKiller == true {
            throw .unsupported(key + ".disableOOMKiller", "disabling the OOM killer is not supported on cgroup v2")
        }
        let limit = memory.limit ?? 0
        if mode == .update, memory.checkBeforeUpdate == true, limit > 0 {
            try V1Memory.rejectBelowUsage(limit, usage: try directory.readInteger("memory.current"), directory: directory)
        }
        let swap = try swapValue(memorySwap: memory.swap ?? 0, memory: limit)
        // Swap first (runc's order): memory.max alone must never leave swap larger than intended.
        if swap != 0 {
            if directory.has("memory.swap.max") {
                try directory.write("memory.swap.max", v2Limit(swap), key: key + ".swap")
            } else if swap != -1 {
                throw .unsupported(key + ".swap", "swap limit not supported (no memory.swap.max: swap accounting is off)")
            }
        }
        if limit != 0 { try directory.write("memory.max", v2Limit(limit), key: key + ".limit") }
        if let reservation = memory.reservation, reservation != 0 {
            try directory.write("memory.low", v2Limit(reservation), key: key + ".reservation")
        }
    }

    /// runc's ConvertMemorySwapToCgroupV2Value: the spec's swap is memory+swap (v1), memory.swap.max is swap only.
    /// 0 means "leave as is", -1 unlimited.
    static func swapValue(memorySwap: Int64, memory: Int64) throws(CgroupError) -> Int64 {
        if memory == -1 && memorySwap == 0 { return -1 }
        if memorySwap == -1 || memorySwap == 0 { return memorySwap }
        if memory == 0 || memory == -1 {
            throw .unsupported(key + ".swap", "unable to set swap limit without memory limit")
        }
        if memory < 0 { throw .unsupported(key + ".limit", "invalid memory value: \(memory)") }
        if memorySwap < memory {
            throw .unsupported(key + ".swap", "memory+swap limit should be >= memory limit")
        }
        return memorySwap - memory
    }
}
