import OCISpec

/// v1 blkio controller: weights (CFQ's blkio.weight, or BFQ's blkio.bfq.weight when that is the scheduler)
/// and the throttle files.
enum V1BlockIO: ResourceController {
    static let controller = "blkio"
    private static let key = "linux.resources.blockIO"

    static func isConfigured(in resources: LinuxResources) -> Bool { resources.blockIO != nil }

    static func apply(_ resources: LinuxResources, to directory: CgroupDirectory, mode: ApplyMode) throws(CgroupError) {
        guard let io = resources.blockIO else { return }
        // runc's choice: BFQ's files when they exist, CFQ's names otherwise (so a missing scheduler fails loudly).
        let bfq = !directory.has("blkio.weight") && directory.has("blkio.bfq.weight")
        let weightFile = bfq ? "blkio.bfq.weight" : "blkio.weight"
        let weightDeviceFile = bfq ? "blkio.bfq.weight_device" : "blkio.weight_device"
        if let weight = io.weight, weight != 0 {
            try directory.write(weightFile, String(weight), key: key + ".weight")
        }
        if let leafWeight = io.leafWeight, leafWeight != 0 {
            try directory.write("blkio.leaf_weight", String(leafWeight), key: key + ".leafWeight")
        }
        for (index, device) in (io.weightDevice ?? []).enumerated() {
            let deviceKey = key + ".weightDevice[\(index)]"
            if let weight = device.weight {
                try directory.write(weightDeviceFile, "\(device.major):\(device.minor) \(weight)", key: deviceKey + ".weight")
            }
            if let leafWeight = device.leafWeight {
                try directory.write(
                    "blkio.leaf_weight_device", "\(device.major):\(device.minor) \(leafWeight)", key: deviceKey + ".leafWeight")
            }
        }
        let throttles: [(String, [LinuxThrottleDevice]?, String)] = [
            ("throttleReadBpsDevice", io.throttleReadBpsDevice, "blkio.throttle.read_bps_device"),
            ("throttleWriteBpsDevice", io.throttleWriteBpsDevice, "blkio.throttle.write_bps_device"),
            ("throttleReadIOPSDevice", io.throttleReadIOPSDevice, "blkio.throttle.read_iops_device"),
            ("throttleWriteIOPSDevice", io.throttleWriteIOPSDevice, "blkio.throttle.write_iops_device"),
        ]
        for (name, devices, file) in throttles {
            for (index, device) in (devices ?? []).enumerated() {
                try directory.write(file, "\(device.major):\(device.minor) \(device.rate)", key: "\(key).\(name)[\(index)]")
            }
        }
    }
}
