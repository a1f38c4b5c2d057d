import OCISpec

/// v1 cpuset controller: cpuset.cpus and cpuset.mems.
enum V1Cpuset: ResourceController {
    static let controller = "cpuset"

    static func isConfigured(in resources: LinuxResources) -> Bool {
        resources.cpu?.cpus != nil || resources.cpu?.mems != nil
    }

    static func apply(_ resources: LinuxResources, to directory: CgroupDirectory, mode: ApplyMode) throws(CgroupError) {
        if let cpus = resources.cpu?.cpus, !cpus.isEmpty {
            try directory.write("cpuset.cpus", cpus, key: "linux.resources.cpu.cpus")
        }
        if let mems = resources.cpu?.mems, !mems.isEmpty {
            try directory.write("cpuset.mems", mems, key: "linux.resources.cpu.mems")
        }
    }

    /// A new v1 cpuset starts with no CPUs and no nodes, and a task cannot join it until both are set:
    /// copy the parent's (runc's ensureParent does the same).
    static func inheritFromParent(_ directory: CgroupDirectory) throws(CgroupError) {
        guard let parent = directory.parent else { return }
        for file in ["cpuset.cpus", "cpuset.mems"] where try directory.read(file).isEmpty {
            try directory.write(file, try parent.read(file))
        }
    }
}
