import OCISpec

/// v2 io controller: io.weight (converted from blkio's 10–1000) or io.bfq.weight (same scale), io.max throttles.
/// Leaf weights have no v2 counterpart (see IgnoredResources).
enum V2IO: ResourceController {
    static let controller = "io"
    private static let key = "linux.resources.blockIO"

    static func isConfigured(in resources: LinuxResources) -> Bool { resources.blockIO != nil }

    static func apply(_ resources: LinuxResources, to directory: CgroupDirectory, mode: ApplyMode) throws(CgroupError) {
        guard let io = resources.blockIO else { return }
        let bfq = directory.has("io.bfq.weight")
        if let weight = io.weight, weight != 0 {
            if bfq {
                try directory.write("io.bfq.weight", String(weight), key: key + ".weight")
            } else {
                try directory.write("io.weight", "default \(ioWeight(fromBlkioWeight: weight))", key: key + ".weight")
            }
        }
        for (index, device) in (io.weightDevice ?? []).enumerated() {
            guard let weight = device.weight else { continue }
            let line = bfq ? "\(device.major):\(device.minor) \(weight)"
                : "\(device.major):\(device.minor) \(ioWeight(fromBlkioWeight: weight))"
            try directory.write(bfq ? "io.bfq.weight" : "io.weight", line, key: key + ".weightDevice[\(index)].weight")
        }
        let throttles: [(String, [LinuxThrottleDevice]?, String)] = [
            ("throttleReadBpsDevice", io.throttleReadBpsDevice, "rbps"),
            ("throttleWriteBpsDevice", io.throttleWriteBpsDevice, "wbps"),
            ("throttleReadIOPSDevice", io.throttleReadIOPSDevice, "riops"),
            ("throttleWriteIOPSDevice", io.throttleWriteIOPSDevice, "wiops"),
        ]
        for (name, devices, field) in throttles {
            for (index, device) in (devices ?? []).enumerated() {
                // 0 means "no limit" in the spec; io.max spells it "max".
                let rate = device.rate == 0 ? "max" : String(device.rate)
                try directory.write("io.max", "\(device.major):\(device.minor) \(field)=\(rate)", key: "\(key).\(name)[\(index)]")
            }
        }
    }

    /// runc's ConvertBlkIOToIOWeightValue: blkio [10, 1000] onto io.weight [1, 10000].
    static func ioWeight(fromBlkioWeight weight: UInt16) -> UInt64 {
        if weight == 0 { return 0 }
        let clamped = UInt64(min(max(weight, 10), 1000))
        return 1 + (clamped - 10) * 9999 / 990
    }
}
