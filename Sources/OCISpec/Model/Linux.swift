/// Linux-specific configuration (config-linux.md).
public struct Linux: Codable, Sendable, Equatable {
    public var uidMappings: [LinuxIDMapping]?
    public var gidMappings: [LinuxIDMapping]?
    public var sysctl: [String: String]?
    public var resources: LinuxResources?
    public var cgroupsPath: String?
    public var namespaces: [LinuxNamespace]?
    public var devices: [LinuxDevice]?
    /// Host interface name → how it appears in the container.
    public var netDevices: [String: LinuxNetDevice]?
    public var seccomp: LinuxSeccomp?
    public var rootfsPropagation: MountPropagation?
    public var maskedPaths: [String]?
    public var readonlyPaths: [String]?
    public var mountLabel: String?
    public var intelRdt: LinuxIntelRdt?
    public var memoryPolicy: LinuxMemoryPolicy?
    public var personality: LinuxPersonality?
    /// Clock name ("boottime", "monotonic") → offset; needs a new time namespace.
    public var timeOffsets: [String: LinuxTimeOffset]?

    public init(
        uidMappings: [LinuxIDMapping]? = nil, gidMappings: [LinuxIDMapping]? = nil, sysctl: [String: String]? = nil,
        resources: LinuxResources? = nil, cgroupsPath: String? = nil, namespaces: [LinuxNamespace]? = nil,
        devices: [LinuxDevice]? = nil, netDevices: [String: LinuxNetDevice]? = nil, seccomp: LinuxSeccomp? = nil,
        rootfsPropagation: MountPropagation? = nil, maskedPaths: [String]? = nil, readonlyPaths: [String]? = nil,
        mountLabel: String? = nil, intelRdt: LinuxIntelRdt? = nil, memoryPolicy: LinuxMemoryPolicy? = nil,
        personality: LinuxPersonality? = nil, timeOffsets: [String: LinuxTimeOffset]? = nil
    ) {
        self.uidMappings = uidMappings
        self.gidMappings = gidMappings
        self.sysctl = sysctl
        self.resources = resources
        self.cgroupsPath = cgroupsPath
        self.namespaces = namespaces
        self.devices = devices
        self.netDevices = netDevices
        self.seccomp = seccomp
        self.rootfsPropagation = rootfsPropagation
        self.maskedPaths = maskedPaths
        self.readonlyPaths = readonlyPaths
        self.mountLabel = mountLabel
        self.intelRdt = intelRdt
        self.memoryPolicy = memoryPolicy
        self.personality = personality
        self.timeOffsets = timeOffsets
    }
}

/// A range of IDs mapped into a user namespace (or onto an idmapped mount).
public struct LinuxIDMapping: Codable, Sendable, Equatable {
    public var containerID: UInt32
    public var hostID: UInt32
    public var size: UInt32

    public init(containerID: UInt32, hostID: UInt32, size: UInt32) {
        self.containerID = containerID
        self.hostID = hostID
        self.size = size
    }
}

/// Offset of one clock inside a new time namespace.
public struct LinuxTimeOffset: Codable, Sendable, Equatable {
    public var secs: Int64?
    public var nanosecs: UInt32?

    public init(secs: Int64? = nil, nanosecs: UInt32? = nil) {
        self.secs = secs
        self.nanosecs = nanosecs
    }
}

/// A network interface moved from the host into the container's network namespace.
public struct LinuxNetDevice: Codable, Sendable, Equatable {
    /// Name inside the container; the host name when absent.
    public var name: String?

    public init(name: String? = nil) {
        self.name = name
    }
}

/// Intel RDT (resctrl) class of service and schemata.
public struct LinuxIntelRdt: Codable, Sendable, Equatable {
    public var closID: String?
    /// Lines written as-is to the resctrl `schemata` file.
    public var schemata: [String]?
    public var l3CacheSchema: String?
    public var memBwSchema: String?
    public var enableMonitoring: Bool?

    public init(
        closID: String? = nil, schemata: [String]? = nil, l3CacheSchema: String? = nil, memBwSchema: String? = nil,
        enableMonitoring: Bool? = nil
    ) {
        self.closID = closID
        self.schemata = schemata
        self.l3CacheSchema = l3CacheSchema
        self.memBwSchema = memBwSchema
        self.enableMonitoring = enableMonitoring
    }
}

/// set_mempolicy(2) for the container process.
public struct LinuxMemoryPolicy: Codable, Sendable, Equatable {
    public var mode: LinuxMemoryPolicyMode
    /// Node list such as "0-3,7".
    public var nodes: String?
    public var flags: [LinuxMemoryPolicyFlag]?

    public init(mode: LinuxMemoryPolicyMode, nodes: String? = nil, flags: [LinuxMemoryPolicyFlag]? = nil) {
        self.mode = mode
        self.nodes = nodes
        self.flags = flags
    }
}

/// personality(2) for the container process.
public struct LinuxPersonality: Codable, Sendable, Equatable {
    public var domain: LinuxPersonalityDomain
    /// No flags are defined by the spec yet.
    public var flags: [String]?

    public init(domain: LinuxPersonalityDomain, flags: [String]? = nil) {
        self.domain = domain
        self.flags = flags
    }
}
