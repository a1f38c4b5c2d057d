extension CgroupSet {
    /// Current usage for `events --stats`: each controller read where it is mounted (v1 directory, else cgroup2).
    /// Controllers that are missing leave their part zero, as in runc.
    public func stats() throws(CgroupError) -> CgroupStats {
        var stats = CgroupStats()
        let unified = unifiedPath.map(CgroupDirectory.init)
        guard directories.contains(where: { $0.exists }) else {
            throw CgroupError(op: "stats", file: directories.first?.path, errno: .ENOENT, reason: "container cgroup is gone")
        }
        if let path = paths["cpuacct"] { V1Stats.cpuUsage(CgroupDirectory(path), into: &stats) }
        if let path = paths["cpu"] { V1Stats.cpuThrottling(CgroupDirectory(path), into: &stats) }
        else if let unified { V2Stats.cpu(unified, into: &stats) }
        if let path = paths["cpuset"] { V1Stats.cpuset(CgroupDirectory(path), into: &stats) }
        else if let unified { V2Stats.cpuset(unified, into: &stats) }
        if let path = paths["memory"] { V1Stats.memory(CgroupDirectory(path), into: &stats) }
        else if let unified { V2Stats.memory(unified, into: &stats) }
        if let path = paths["pids"] { V1Stats.pids(CgroupDirectory(path), into: &stats) }
        else if let unified { V2Stats.pids(unified, into: &stats) }
        if let path = paths["blkio"] { V1Stats.blockIO(CgroupDirectory(path), into: &stats) }
        else if let unified { V2Stats.io(unified, into: &stats) }
        if let path = paths["hugetlb"] { V1Stats.hugetlb(CgroupDirectory(path), into: &stats) }
        else if let unified { V2Stats.hugetlb(unified, into: &stats) }
        return stats
    }
}
