/// One entry of `mounts`; `options` are fstab-style flags and filesystem data.
public struct Mount: Codable, Sendable, Equatable {
    public var destination: String
    public var type: String?
    public var source: String?
    public var options: [String]?
    /// Idmapped-mount mappings (Linux 5.12+).
    public var uidMappings: [LinuxIDMapping]?
    public var gidMappings: [LinuxIDMapping]?

    public init(
        destination: String, type: String? = nil, source: String? = nil, options: [String]? = nil,
        uidMappings: [LinuxIDMapping]? = nil, gidMappings: [LinuxIDMapping]? = nil
    ) {
        self.destination = destination
        self.type = type
        self.source = source
        self.options = options
        self.uidMappings = uidMappings
        self.gidMappings = gidMappings
    }
}

/// Mount propagation, as `linux.rootfsPropagation` and as mount options.
public enum MountPropagation: String, SpecEnum {
    case shared, slave, `private`, unbindable, rshared, rslave, rprivate, runbindable
    public static let specKind = "mount propagation"

    /// Whether the propagation applies to the whole subtree.
    public var isRecursive: Bool { rawValue.hasPrefix("r") }
}
