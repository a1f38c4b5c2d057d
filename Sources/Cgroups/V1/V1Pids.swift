import OCISpec

/// pids controller (the same file on v1 and v2): pids.max, "max" for unlimited.
enum V1Pids: ResourceController {
    static let controller = "pids"

    static func isConfigured(in resources: LinuxResources) -> Bool { resources.pids != nil }

    static func apply(_ resources: LinuxResources, to directory: CgroupDirectory, mode: ApplyMode) throws(CgroupError) {
        // runc: 0 means "not set"; negative means unlimited.
        guard let limit = resources.pids?.limit, limit != 0 else { return }
        try directory.write("pids.max", limit > 0 ? String(limit) : "max", key: "linux.resources.pids.limit")
    }
}
