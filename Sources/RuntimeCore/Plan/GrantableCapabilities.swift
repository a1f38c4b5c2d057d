import OCISpec
import LinuxSys

/// config.md "Linux Process": a capability that cannot be granted MUST be logged as a warning, and the runtime
/// SHOULD NOT fail because of it. In the runtime's own user namespace the container can only keep what the
/// runtime holds (its bounding and permitted sets: capset(2) refuses the rest with EPERM), so the plan drops
/// those entries in the parent, one warning each. A new or joined user namespace hands the process every
/// capability of that namespace (the kernel's set_cred_user_ns), so there only unknown numbers are dropped.
struct GrantableCapabilities: Sendable, Equatable {
    /// Bit n is set when capability n can be given to the container.
    let mask: UInt64
    /// Why a capability outside `mask` cannot be granted, for the warning.
    let reason: String

    /// What the calling process (the runtime, before the fork) can pass on without a new user namespace.
    static func heldByRuntime() -> GrantableCapabilities {
        let known = knownToKernel()
        var bounding: UInt64 = 0
        for capability in 0..<Int32(64) where known.mask & (1 << UInt64(capability)) != 0 {
            if (try? ProcessControl.boundingCapabilityIsSet(capability)) == true { bounding |= 1 << UInt64(capability) }
        }
        // Unreadable sets: filter nothing more than the kernel's list and let capset(2) speak for itself.
        let permitted = (try? CapabilitySets.read().permitted) ?? .max
        return GrantableCapabilities(mask: known.mask & bounding & permitted,
                                     reason: "the runtime does not hold it (bounding or permitted set)")
    }

    /// Every capability this kernel knows (0 ... /proc/sys/kernel/cap_last_cap).
    static func knownToKernel() -> GrantableCapabilities {
        guard let last = try? Capabilities.lastCapability(), last >= 0, last < 64 else {
            return GrantableCapabilities(mask: .max, reason: "")
        }
        let mask: UInt64 = last == 63 ? .max : (1 << UInt64(last + 1)) - 1
        return GrantableCapabilities(mask: mask, reason: "this kernel does not know it")
    }

    func contains(_ capability: Capability) -> Bool {
        let bit = capability.kernelValue
        return bit >= 0 && bit < 64 && mask & (1 << UInt64(bit)) != 0
    }

    /// `caps` without what cannot be granted, and a warning (with its JSON path) for each dropped entry.
    func filter(_ caps: LinuxCapabilities?) -> (kept: LinuxCapabilities?, warnings: [ConfigProblem]) {
        guard var caps else { return (nil, []) }
        var warnings: [ConfigProblem] = []
        func keep(_ list: [Capability]?, _ name: String) -> [Capability]? {
            guard let list else { return nil }
            for (index, capability) in list.enumerated() where !contains(capability) {
                warnings.append(ConfigProblem(
                    path: "process.capabilities.\(name)[\(index)]",
                    message: "\(capability.rawValue) cannot be granted (\(reason)): dropped", severity: .warning))
            }
            return list.filter(contains)
        }
        caps.bounding = keep(caps.bounding, "bounding")
        caps.effective = keep(caps.effective, "effective")
        caps.inheritable = keep(caps.inheritable, "inheritable")
        caps.permitted = keep(caps.permitted, "permitted")
        caps.ambient = keep(caps.ambient, "ambient")
        return (caps, warnings)
    }
}
