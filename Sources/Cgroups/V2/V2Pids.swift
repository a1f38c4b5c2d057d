import OCISpec

/// v2 pids controller: pids.max, "max" for unlimited (the file is the same as v1's).
enum V2Pids: ResourceController {
    static let controller = "pids"

    static func isConfigured(in resources: LinuxResources) -> Bool { resources.pids != nil }

    static func apply(_ resources: LinuxResources, to directory: CgroupDirectory, mode: ApplyMode) throws(CgroupError) {
        try V1Pids.apply(resources, to: directory, mode: mode)
    }
}
