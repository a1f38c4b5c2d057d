import OCISpec

/// One named host check: what a config asks for that this host must provide. Problems carry the JSON
/// path of the config field that needs it. The list lives in `HostCheck.all`.
public struct HostCheck: Sendable {
    public var name: String
    public var run: @Sendable (_ spec: Spec, _ bundle: String, _ host: HostFacts) -> [ConfigProblem]

    public init(
        _ name: String, _ run: @escaping @Sendable (_ spec: Spec, _ bundle: String, _ host: HostFacts) -> [ConfigProblem]
    ) {
        self.name = name
        self.run = run
    }

    public static let all: [HostCheck] = [
        HostCheck("rootfs", RootfsCheck.run),
        HostCheck("namespaces", NamespaceCheck.run),
        HostCheck("cgroup controllers", CgroupControllerCheck.run),
        HostCheck("capabilities", CapabilityCheck.run),
        HostCheck("sysctl", SysctlCheck.run),
        HostCheck("seccomp", SeccompCheck.run),
        HostCheck("ignored resources", IgnoredResourcesCheck.run),
    ]

    /// Every check's problems, in list order.
    public static func runAll(spec: Spec, bundle: String, host: HostFacts) -> [ConfigProblem] {
        all.flatMap { $0.run(spec, bundle, host) }
    }
}

/// `name["key"]` for a map entry in a JSON path.
func pathWithKey(_ base: String, _ key: String) -> String {
    base + "[" + JSONOutput.quote(key) + "]"
}
