import OCISpec

/// rdma controller (same file format on v1 and v2): "mlx4_0 hca_handle=2 hca_object=2000".
enum V1Rdma: ResourceController {
    static let controller = "rdma"

    static func isConfigured(in resources: LinuxResources) -> Bool { resources.rdma != nil }

    static func apply(_ resources: LinuxResources, to directory: CgroupDirectory, mode: ApplyMode) throws(CgroupError) {
        for (device, limits) in (resources.rdma ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let line = line(device: device, limits) else { continue }
            try directory.write("rdma.max", line, key: "linux.resources.rdma.\(device)")
        }
    }

    static func line(device: String, _ limits: LinuxRdma) -> String? {
        var fields = [device]
        if let handles = limits.hcaHandles { fields.append("hca_handle=\(handles)") }
        if let objects = limits.hcaObjects { fields.append("hca_object=\(objects)") }
        return fields.count > 1 ? fields.joined(separator: " ") : nil
    }
}
