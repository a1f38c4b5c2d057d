import OCISpec

/// Each cgroup controller `linux.resources` needs is available (mounted v1 hierarchy or enabled at a
/// cgroup2 root).
enum CgroupControllerCheck {
    static func run(_ spec: Spec, _ bundle: String, _ host: HostFacts) -> [ConfigProblem] {
        guard let resources = spec.linux?.resources else { return [] }
        return requiredControllers(resources).compactMap { path, choices in
            if choices.contains(where: host.cgroupControllers.contains) { return nil }
            let names = choices.map { "\"\($0)\"" }.joined(separator: " or ")
            return .error(path, "cgroup controller \(names) is not available on this host (neither mounted as cgroup v1 nor enabled in cgroup v2)")
        }
    }

    /// JSON path → acceptable controllers (v1 name first, then the v2 name when it differs).
    static func requiredControllers(_ resources: LinuxResources) -> [(String, [String])] {
        var needs: [(String, [String])] = []
        let base = "linux.resources"
        if resources.memory != nil { needs.append(("\(base).memory", ["memory"])) }
        if let cpu = resources.cpu {
            if cpu.shares != nil || cpu.quota != nil || cpu.period != nil || cpu.realtimeRuntime != nil
                || cpu.realtimePeriod != nil || cpu.burst != nil || cpu.idle != nil
            {
                needs.append(("\(base).cpu", ["cpu"]))
            }
            if cpu.cpus != nil || cpu.mems != nil { needs.append(("\(base).cpu", ["cpuset"])) }
        }
        if resources.pids != nil { needs.append(("\(base).pids", ["pids"])) }
        if resources.blockIO != nil { needs.append(("\(base).blockIO", ["blkio", "io"])) }
        if !(resources.hugepageLimits ?? []).isEmpty { needs.append(("\(base).hugepageLimits", ["hugetlb"])) }
        if let network = resources.network {
            if network.classID != nil { needs.append(("\(base).network.classID", ["net_cls"])) }
            if !(network.priorities ?? []).isEmpty { needs.append(("\(base).network.priorities", ["net_prio"])) }
        }
        if !(resources.rdma ?? [:]).isEmpty { needs.append(("\(base).rdma", ["rdma"])) }
        return needs
    }
}
