import OCISpec

/// Values runc deliberately does not apply, in one place: `apply` skips them, `swiftlet check` reports them as
/// warnings. Anything else the host cannot honour is an error naming its key.
public enum IgnoredResources {
    public struct Warning: Sendable, Equatable, CustomStringConvertible {
        public var key: String
        public var reason: String
        public var description: String { "\(key): \(reason)" }
    }

    /// The configured values that will be ignored on a host with this layout.
    public static func warnings(for resources: LinuxResources, layout: CgroupLayout) -> [Warning] {
        var warnings: [Warning] = []
        let memoryOnV2 = layout.v1Hierarchy(for: "memory") == nil
        let blkioOnV2 = layout.v1Hierarchy(for: "blkio") == nil
        if let memory = resources.memory {
            if memory.kernel != nil {
                warnings.append(Warning(
                    key: "linux.resources.memory.kernel",
                    reason: "kernel memory limits are deprecated (runtime-spec) and no longer enforced since Linux 5.16; ignored as runc does"))
            }
            if memory.kernelTCP != nil && memoryOnV2 {
                warnings.append(Warning(
                    key: "linux.resources.memory.kernelTCP",
                    reason: "cgroup v2 has no separate TCP memory limit; ignored as runc does"))
            }
            if memory.useHierarchy != nil && memoryOnV2 {
                warnings.append(Warning(
                    key: "linux.resources.memory.useHierarchy",
                    reason: "cgroup v2 is always hierarchical; ignored"))
            }
        }
        if let blockIO = resources.blockIO, blkioOnV2 {
            if blockIO.leafWeight != nil || (blockIO.weightDevice ?? []).contains(where: { $0.leafWeight != nil }) {
                warnings.append(Warning(
                    key: "linux.resources.blockIO.leafWeight",
                    reason: "cgroup v2 has no leaf weights; ignored as runc does"))
            }
        }
        return warnings
    }
}
