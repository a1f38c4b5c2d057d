import OCISpec

/// A config with `linux.seccomp` needs a kernel that filters syscalls.
enum SeccompCheck {
    static func run(_ spec: Spec, _ bundle: String, _ host: HostFacts) -> [ConfigProblem] {
        guard spec.linux?.seccomp != nil, !host.seccompAvailable else { return [] }
        return [.error("linux.seccomp", "seccomp filtering is not available in this kernel")]
    }
}
