import OCISpec

/// The one place where swiftlet declares what it cannot apply yet. runtime.md: the runtime MUST generate an
/// error when it cannot apply the configuration — so each gap is refused at create, naming its JSON path,
/// instead of being silently ignored. Each issue that lands removes its line here.
enum UnsupportedConfig {
    struct Gap: Sendable {
        let path: String
        let reason: String
        let isPresent: @Sendable (Spec) -> Bool
    }

    static let gaps: [Gap] = [
        Gap(path: "linux.intelRdt", reason: "Intel RDT is not supported (no resctrl on this host)") { $0.linux?.intelRdt != nil },
        Gap(path: "linux.netDevices", reason: "moving network devices is not supported yet") { !($0.linux?.netDevices ?? [:]).isEmpty },
        Gap(path: "linux.memoryPolicy", reason: "memory policies are not supported yet") { $0.linux?.memoryPolicy != nil },
        Gap(path: "linux.mountLabel", reason: "SELinux is not available") { !($0.linux?.mountLabel ?? "").isEmpty },
        Gap(path: "process.selinuxLabel", reason: "SELinux is not available") { !($0.process?.selinuxLabel ?? "").isEmpty },
        Gap(path: "process.apparmorProfile", reason: "AppArmor is not available") { !($0.process?.apparmorProfile ?? "").isEmpty },
    ]

    /// Every gap the config touches, all at once.
    static func problems(in spec: Spec) -> [ConfigProblem] {
        // Idmapped mounts are planned (and their unsupported forms refused) in SetupPlanBuilder.planIDMap.
        gaps.filter { $0.isPresent(spec) }.map {
            ConfigProblem(path: $0.path, message: "not supported by swiftlet: \($0.reason)", severity: .error)
        }
    }
}
