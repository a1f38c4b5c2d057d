import OCISpec

/// Capabilities newer than this kernel (above /proc/sys/kernel/cap_last_cap) cannot be granted; runc
/// skips them, so they are warnings.
enum CapabilityCheck {
    static func run(_ spec: Spec, _ bundle: String, _ host: HostFacts) -> [ConfigProblem] {
        guard let lastCap = host.lastCapability, let sets = spec.process?.capabilities else { return [] }
        let named: [(String, [Capability]?)] = [
            ("bounding", sets.bounding), ("effective", sets.effective), ("inheritable", sets.inheritable),
            ("permitted", sets.permitted), ("ambient", sets.ambient),
        ]
        var problems: [ConfigProblem] = []
        for (setName, capabilities) in named {
            for (index, capability) in (capabilities ?? []).enumerated() where capability.kernelValue > lastCap {
                problems.append(.warning(
                    "process.capabilities.\(setName)[\(index)]",
                    "\(capability.rawValue) is not known to this kernel (cap_last_cap is \(lastCap)); it will be ignored"))
            }
        }
        return problems
    }
}
