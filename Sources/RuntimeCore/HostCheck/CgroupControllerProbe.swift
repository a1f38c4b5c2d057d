import LinuxSys

/// Which cgroup controllers a container could use here: enabled in /proc/cgroups and either mounted as a
/// v1 hierarchy or enabled at a cgroup2 mount's root. On a hybrid host a controller may exist only on
/// cgroup2 (e.g. hugetlb under /sys/fs/cgroup/unified).
enum CgroupControllerProbe {
    static func availableControllers() -> Set<String> {
        let mounts = (try? MountInfo.read()) ?? []
        let enabled = (try? FileContents.readString("/proc/cgroups")).map(enabledControllers) ?? nil
        let cgroup2Roots = mounts.filter { $0.fsType == "cgroup2" }.map(\.mountPoint)
        let v2 = cgroup2Roots.map { root in
            (try? FileContents.readString(root + "/cgroup.controllers")) ?? ""
        }
        return controllers(mounts: mounts, cgroup2Controllers: v2, enabled: enabled)
    }

    /// v1 mounts name their controllers in the super options (`rw,cpu,cpuacct`); each cgroup2 root lists
    /// its own in cgroup.controllers. `enabled` (from /proc/cgroups) filters when known.
    static func controllers(mounts: [MountInfo], cgroup2Controllers: [String], enabled: Set<String>?) -> Set<String> {
        var found = Set<String>()
        for mount in mounts where mount.fsType == "cgroup" {
            for option in mount.superOptions where !option.contains("=") && option != "rw" && option != "ro" {
                found.insert(option)
            }
        }
        for list in cgroup2Controllers {
            found.formUnion(list.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
        }
        guard let enabled else { return found }
        // Controllers /proc/cgroups does not list (e.g. misc on old kernels) are kept as found.
        return found.filter { enabled.contains($0) || !knownToProcCgroups.contains($0) }
    }

    /// Controllers with `enabled` = 1 in /proc/cgroups (`#subsys_name hierarchy num_cgroups enabled`).
    static func enabledControllers(_ text: String) -> Set<String>? {
        var enabled = Set<String>()
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(whereSeparator: { $0 == "\t" || $0 == " " })
            if fields.count >= 4, fields[3] == "1" { enabled.insert(String(fields[0])) }
        }
        return enabled
    }

    private static let knownToProcCgroups: Set<String> = [
        "cpuset", "cpu", "cpuacct", "blkio", "memory", "devices", "freezer", "net_cls", "perf_event", "net_prio",
        "hugetlb", "pids", "rdma",
    ]
}
