import OCISpec

/// v2 rdma controller: rdma.max, the same lines as v1.
enum V2Rdma: ResourceController {
    static let controller = "rdma"

    static func isConfigured(in resources: LinuxResources) -> Bool { resources.rdma != nil }

    static func apply(_ resources: LinuxResources, to directory: CgroupDirectory, mode: ApplyMode) throws(CgroupError) {
        try V1Rdma.apply(resources, to: directory, mode: mode)
    }
}
