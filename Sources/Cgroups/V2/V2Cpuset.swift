import OCISpec

/// v2 cpuset controller: cpuset.cpus and cpuset.mems (empty means "the parent's", unlike v1).
enum V2Cpuset: ResourceController {
    static let controller = "cpuset"

    static func isConfigured(in resources: LinuxResources) -> Bool { V1Cpuset.isConfigured(in: resources) }

    static func apply(_ resources: LinuxResources, to directory: CgroupDirectory, mode: ApplyMode) throws(CgroupError) {
        if let cpus = resources.cpu?.cpus, !cpus.isEmpty {
            try directory.write("cpuset.cpus", cpus, key: "linux.resources.cpu.cpus")
        }
        if let mems = resources.cpu?.mems, !mems.isEmpty {
            try directory.write("cpuset.mems", mems, key: "linux.resources.cpu.mems")
        }
    }
}
