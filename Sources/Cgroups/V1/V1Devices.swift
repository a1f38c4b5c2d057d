import OCISpec

/// v1 devices controller: each rule, in order, to devices.allow or devices.deny.
/// A leading "a" deny resets the inherited allow-all list, as in every runtime's default config.
enum V1Devices: ResourceController {
    static let controller = "devices"

    static func isConfigured(in resources: LinuxResources) -> Bool { resources.devices != nil }

    static func apply(_ resources: LinuxResources, to directory: CgroupDirectory, mode: ApplyMode) throws(CgroupError) {
        guard let devices = resources.devices else { return }
        let rules = try DeviceRule.parse(devices)
        for (index, rule) in rules.enumerated() {
            try directory.write(
                rule.allow ? "devices.allow" : "devices.deny", rule.v1Line, key: "linux.resources.devices[\(index)]")
        }
    }
}
