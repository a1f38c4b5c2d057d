/// Semantic validation: every named check, every problem (errors and warnings) with its JSON path.
public enum SpecValidator {
    /// The checks, in the order their problems are reported. Add new rules here.
    public static let checks: [SpecCheck] = [
        SpecCheck("ociVersion", reads: ["ociVersion"], VersionChecks.ociVersion),
        SpecCheck("root", reads: ["root"], RootChecks.root),
        SpecCheck("process.args", reads: ["process.args"], ProcessChecks.args),
        SpecCheck("process.cwd", reads: ["process.cwd"], ProcessChecks.cwd),
        SpecCheck("process.rlimits", reads: ["process.rlimits"], ProcessChecks.rlimits),
        SpecCheck("process.oomScoreAdj", reads: ["process.oomScoreAdj"], ProcessChecks.oomScoreAdj),
        SpecCheck("process.ioPriority", reads: ["process.ioPriority"], ProcessChecks.ioPriority),
        SpecCheck("process.scheduler", reads: ["process.scheduler"], ProcessChecks.scheduler),
        SpecCheck("process.execCPUAffinity", reads: ["process.execCPUAffinity"], ProcessChecks.execCPUAffinity),
        SpecCheck("namespaces", reads: ["linux.namespaces"], NamespaceChecks.namespaces),
        SpecCheck("userNamespace", reads: ["linux.namespaces", "linux.uidMappings", "linux.gidMappings"], NamespaceChecks.userNamespace),
        SpecCheck("hostname", reads: ["linux.namespaces", "hostname", "domainname"], NamespaceChecks.hostname),
        SpecCheck("timeOffsets", reads: ["linux.namespaces", "linux.timeOffsets"], NamespaceChecks.timeOffsets),
        SpecCheck("sysctl", reads: ["linux.namespaces", "linux.sysctl"], SysctlChecks.sysctl),
        SpecCheck("netDevices", reads: ["linux.namespaces", "linux.netDevices"], NamespaceChecks.netDevices),
        SpecCheck("mounts", reads: ["mounts"], MountChecks.mounts),
        SpecCheck("maskedPaths", reads: ["linux.maskedPaths", "linux.readonlyPaths"], MountChecks.maskedAndReadonlyPaths),
        SpecCheck("hooks", reads: ["hooks"], HookChecks.hooks),
        SpecCheck("devices", reads: ["linux.devices"], DeviceChecks.devices),
        SpecCheck("resources.devices", reads: ["linux.resources.devices"], DeviceChecks.deviceCgroupRules),
        SpecCheck("resources.memory", reads: ["linux.resources.memory"], ResourceChecks.memory),
        SpecCheck("resources.cpu", reads: ["linux.resources.cpu"], ResourceChecks.cpu),
        SpecCheck("resources.hugepageLimits", reads: ["linux.resources.hugepageLimits"], ResourceChecks.hugepageLimits),
        SpecCheck("resources.unified", reads: ["linux.resources.unified"], ResourceChecks.unified),
        SpecCheck("seccomp", reads: ["linux.seccomp"], SeccompChecks.seccomp),
        SpecCheck("intelRdt", reads: ["linux.intelRdt"], LinuxChecks.intelRdt),
        SpecCheck("memoryPolicy", reads: ["linux.memoryPolicy"], LinuxChecks.memoryPolicy),
    ]

    public static func validate(_ spec: Spec) -> [ConfigProblem] {
        checks.flatMap { $0.run(spec) }
    }

    /// As `validate`, skipping checks that read a path decoding had to drop.
    public static func validate(_ spec: Spec, skippingChecksThatRead droppedPaths: [String]) -> [ConfigProblem] {
        guard !droppedPaths.isEmpty else { return validate(spec) }
        return checks.filter { !$0.reads(anyOf: droppedPaths) }.flatMap { $0.run(spec) }
    }
}
