import LinuxSys

/// What the host offers, as far as `check` needs to know. A value (not live calls) so the checks can be
/// tested against a made-up host.
public struct HostFacts: Sendable {
    /// Names under /proc/self/ns (`mnt`, `net`, `time`, …).
    public var namespaceFiles: Set<String>
    /// cgroup controllers mounted (v1) or enabled at a cgroup2 root.
    public var cgroupControllers: Set<String>
    /// /proc/sys/kernel/cap_last_cap; nil when unreadable.
    public var lastCapability: Int32?
    /// Whether the kernel filters syscalls with seccomp (CONFIG_SECCOMP_FILTER).
    public var seccompAvailable: Bool
    /// Path → kind, for the paths the checks ask about.
    public var pathKind: @Sendable (String) -> PathKind

    public enum PathKind: Sendable, Equatable {
        case missing, directory, other
    }

    public init(
        namespaceFiles: Set<String>, cgroupControllers: Set<String>, lastCapability: Int32?, seccompAvailable: Bool,
        pathKind: @escaping @Sendable (String) -> PathKind
    ) {
        self.namespaceFiles = namespaceFiles
        self.cgroupControllers = cgroupControllers
        self.lastCapability = lastCapability
        self.seccompAvailable = seccompAvailable
        self.pathKind = pathKind
    }

    /// The running host.
    public static func probe() -> HostFacts {
        HostFacts(
            namespaceFiles: Set(["cgroup", "ipc", "mnt", "net", "pid", "time", "user", "uts"].filter {
                FileSystem.exists("/proc/self/ns/\($0)")
            }),
            cgroupControllers: CgroupControllerProbe.availableControllers(),
            lastCapability: try? Capabilities.lastCapability(),
            // The file exists only in kernels built with CONFIG_SECCOMP_FILTER.
            seccompAvailable: FileSystem.exists("/proc/sys/kernel/seccomp/actions_avail"),
            pathKind: { path in
                guard let status = try? FileSystem.status(path) else { return .missing }
                return status.isDirectory ? .directory : .other
            })
    }
}
