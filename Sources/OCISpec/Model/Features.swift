/// What the runtime supports (features.md), printed by `features`.
public struct Features: Codable, Sendable, Equatable {
    public var ociVersionMin: String
    public var ociVersionMax: String
    public var hooks: [HookKind]?
    public var mountOptions: [String]?
    public var annotations: [String: String]?
    public var potentiallyUnsafeConfigAnnotations: [String]?
    public var linux: LinuxFeatures?

    public init(
        ociVersionMin: String, ociVersionMax: String, hooks: [HookKind]? = nil, mountOptions: [String]? = nil,
        annotations: [String: String]? = nil, potentiallyUnsafeConfigAnnotations: [String]? = nil,
        linux: LinuxFeatures? = nil
    ) {
        self.ociVersionMin = ociVersionMin
        self.ociVersionMax = ociVersionMax
        self.hooks = hooks
        self.mountOptions = mountOptions
        self.annotations = annotations
        self.potentiallyUnsafeConfigAnnotations = potentiallyUnsafeConfigAnnotations
        self.linux = linux
    }
}

/// features-linux.md.
public struct LinuxFeatures: Codable, Sendable, Equatable {
    public var namespaces: [LinuxNamespaceType]?
    /// Strings, not `Capability`: another runtime may know capabilities we do not.
    public var capabilities: [String]?
    public var cgroup: LinuxCgroupFeatures?
    public var seccomp: LinuxSeccompFeatures?
    public var apparmor: LinuxApparmorFeatures?
    public var selinux: LinuxSelinuxFeatures?
    public var intelRdt: LinuxIntelRdtFeatures?
    public var mountExtensions: LinuxMountExtensionsFeatures?
    public var netDevices: LinuxNetDevicesFeatures?
    public var memoryPolicy: LinuxMemoryPolicyFeatures?

    public init(
        namespaces: [LinuxNamespaceType]? = nil, capabilities: [String]? = nil, cgroup: LinuxCgroupFeatures? = nil,
        seccomp: LinuxSeccompFeatures? = nil, apparmor: LinuxApparmorFeatures? = nil,
        selinux: LinuxSelinuxFeatures? = nil, intelRdt: LinuxIntelRdtFeatures? = nil,
        mountExtensions: LinuxMountExtensionsFeatures? = nil, netDevices: LinuxNetDevicesFeatures? = nil,
        memoryPolicy: LinuxMemoryPolicyFeatures? = nil
    ) {
        self.namespaces = namespaces
        self.capabilities = capabilities
        self.cgroup = cgroup
        self.seccomp = seccomp
        self.apparmor = apparmor
        self.selinux = selinux
        self.intelRdt = intelRdt
        self.mountExtensions = mountExtensions
        self.netDevices = netDevices
        self.memoryPolicy = memoryPolicy
    }
}

public struct LinuxCgroupFeatures: Codable, Sendable, Equatable {
    public var v1: Bool?
    public var v2: Bool?
    public var systemd: Bool?
    public var systemdUser: Bool?
    public var rdma: Bool?

    public init(v1: Bool? = nil, v2: Bool? = nil, systemd: Bool? = nil, systemdUser: Bool? = nil, rdma: Bool? = nil) {
        self.v1 = v1
        self.v2 = v2
        self.systemd = systemd
        self.systemdUser = systemdUser
        self.rdma = rdma
    }
}

public struct LinuxSeccompFeatures: Codable, Sendable, Equatable {
    public var enabled: Bool?
    public var actions: [LinuxSeccompAction]?
    public var operators: [LinuxSeccompOperator]?
    public var archs: [Arch]?
    public var knownFlags: [LinuxSeccompFlag]?
    public var supportedFlags: [LinuxSeccompFlag]?

    public init(
        enabled: Bool? = nil, actions: [LinuxSeccompAction]? = nil, operators: [LinuxSeccompOperator]? = nil,
        archs: [Arch]? = nil, knownFlags: [LinuxSeccompFlag]? = nil, supportedFlags: [LinuxSeccompFlag]? = nil
    ) {
        self.enabled = enabled
        self.actions = actions
        self.operators = operators
        self.archs = archs
        self.knownFlags = knownFlags
        self.supportedFlags = supportedFlags
    }
}

public struct LinuxApparmorFeatures: Codable, Sendable, Equatable {
    public var enabled: Bool?
    public init(enabled: Bool? = nil) { self.enabled = enabled }
}

public struct LinuxSelinuxFeatures: Codable, Sendable, Equatable {
    public var enabled: Bool?
    public init(enabled: Bool? = nil) { self.enabled = enabled }
}

public struct LinuxIntelRdtFeatures: Codable, Sendable, Equatable {
    public var enabled: Bool?
    public var schemata: Bool?
    public var monitoring: Bool?

    public init(enabled: Bool? = nil, schemata: Bool? = nil, monitoring: Bool? = nil) {
        self.enabled = enabled
        self.schemata = schemata
        self.monitoring = monitoring
    }
}

public struct LinuxMountExtensionsFeatures: Codable, Sendable, Equatable {
    public var idmap: LinuxIDMapFeatures?
    public init(idmap: LinuxIDMapFeatures? = nil) { self.idmap = idmap }
}

public struct LinuxIDMapFeatures: Codable, Sendable, Equatable {
    public var enabled: Bool?
    public init(enabled: Bool? = nil) { self.enabled = enabled }
}

public struct LinuxNetDevicesFeatures: Codable, Sendable, Equatable {
    public var enabled: Bool?
    public init(enabled: Bool? = nil) { self.enabled = enabled }
}

public struct LinuxMemoryPolicyFeatures: Codable, Sendable, Equatable {
    public var modes: [LinuxMemoryPolicyMode]?
    public var flags: [LinuxMemoryPolicyFlag]?

    public init(modes: [LinuxMemoryPolicyMode]? = nil, flags: [LinuxMemoryPolicyFlag]? = nil) {
        self.modes = modes
        self.flags = flags
    }
}
