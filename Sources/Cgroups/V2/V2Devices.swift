import OCISpec

/// v2 device access control: the rules compiled to an eBPF program attached to the container's cgroup.
enum V2Devices: ResourceController {
    /// Not a cgroup.controllers entry: any cgroup2 directory takes a device program.
    static let controller = ""

    static func isConfigured(in resources: LinuxResources) -> Bool { resources.devices != nil }

    static func apply(_ resources: LinuxResources, to directory: CgroupDirectory, mode: ApplyMode) throws(CgroupError) {
        guard let devices = resources.devices else { return }
        let rules = try DeviceRule.parse(devices)
        try BPFDeviceFilter.install(DeviceProgram.build(rules), on: directory, key: "linux.resources.devices")
    }
}
