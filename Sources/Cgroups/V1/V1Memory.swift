import LinuxSys
import OCISpec

/// v1 memory controller: memory.limit_in_bytes, memory.memsw.limit_in_bytes, soft limit, swappiness, OOM killer.
enum V1Memory: ResourceController {
    static let controller = "memory"
    private static let key = "linux.resources.memory"

    static func isConfigured(in resources: LinuxResources) -> Bool { resources.memory != nil }

    static func apply(_ resources: LinuxResources, to directory: CgroupDirectory, mode: ApplyMode) throws(CgroupError) {
        guard let memory = resources.memory else { return }
        if mode == .update, memory.checkBeforeUpdate == true, let limit = memory.limit, limit > 0 {
            try rejectBelowUsage(limit, usage: try directory.readInteger("memory.usage_in_bytes"), directory: directory)
        }
        try setLimitAndSwap(memory, directory)
        if let reservation = memory.reservation, reservation != 0 {
            try directory.write("memory.soft_limit_in_bytes", String(reservation), key: key + ".reservation")
        }
        if let tcp = memory.kernelTCP, tcp != 0, directory.has("memory.kmem.tcp.limit_in_bytes") {
            try directory.write("memory.kmem.tcp.limit_in_bytes", String(tcp), key: key + ".kernelTCP")
        }
        if let swappiness = memory.swappiness {
            guard swappiness <= 100 else {
                throw .unsupported(key + ".swappiness", "invalid value \(swappiness): valid range is 0-100")
            }
            try directory.write("memory.swappiness", String(swappiness), key: key + ".swappiness")
        }
        if memory.disableOOMKiller == true {
            try directory.write("memory.oom_control", "1", key: key + ".disableOOMKiller")
        }
        if let useHierarchy = memory.useHierarchy {
            // Modern kernels are always hierarchical and refuse "0": only write what differs.
            let wanted = useHierarchy ? "1" : "0"
            if try directory.read("memory.use_hierarchy", key: key + ".useHierarchy") != wanted {
                try directory.write("memory.use_hierarchy", wanted, key: key + ".useHierarchy")
            }
        }
    }

    /// runc's setMemoryAndSwap: memory ≤ memsw must hold after each write, so the order depends on
    /// whether the limits grow or shrink.
    private static func setLimitAndSwap(_ memory: LinuxMemory, _ directory: CgroupDirectory) throws(CgroupError) {
        let limit = memory.limit ?? 0
        var swap = memory.swap ?? 0
        // "Memory unlimited, swap unsaid" means both unlimited (runc).
        if limit == -1 && swap == 0 { swap = -1 }
        if swap != 0 && !directory.has("memory.memsw.limit_in_bytes") {
            // No swap accounting: only "no swap limit" (or swap = memory) can be honoured.
            if swap == -1 || swap == limit { swap = 0 } else {
                throw .unsupported(key + ".swap", "swap limit not supported (no memory.memsw.limit_in_bytes: swap accounting is off)")
            }
        }
        guard limit != 0 || swap != 0 else { return }
        if limit != 0 && swap != 0 {
            let current = try directory.readInteger("memory.limit_in_bytes", key: key + ".limit")
            if swap == -1 || current < swap {
                try writeSwap(swap, directory)
                try writeLimit(limit, directory)
            } else {
                try writeLimit(limit, directory)
                try writeSwap(swap, directory)
            }
        } else if limit != 0 {
            try writeLimit(limit, directory)
        } else {
            try writeSwap(swap, directory)
        }
    }

    private static func writeLimit(_ limit: Int64, _ directory: CgroupDirectory) throws(CgroupError) {
        do {
            try directory.write("memory.limit_in_bytes", String(limit), key: key + ".limit")
        } catch {
            // EBUSY: the group already uses more; say how much, as runc does.
            guard error.errno == .EBUSY else { throw error }
            let usage = (try? directory.read("memory.usage_in_bytes")) ?? "?"
            let peak = (try? directory.read("memory.max_usage_in_bytes")) ?? "?"
            var detailed = error
            detailed.reason = "unable to set memory limit to \(limit) (current usage: \(usage), peak usage: \(peak))"
            throw detailed
        }
    }

    private static func writeSwap(_ swap: Int64, _ directory: CgroupDirectory) throws(CgroupError) {
        try directory.write("memory.memsw.limit_in_bytes", String(swap), key: key + ".swap")
    }

    static func rejectBelowUsage(_ limit: Int64, usage: Int64, directory: CgroupDirectory) throws(CgroupError) {
        if usage > limit {
            throw .unsupported(
                key + ".limit",
                "memory limit \(limit) is below the current usage \(usage) (checkBeforeUpdate)")
        }
    }
}
