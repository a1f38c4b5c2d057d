/// A device node created in the container's /dev.
public struct LinuxDevice: Codable, Sendable, Equatable {
    public var path: String
    public var type: LinuxDeviceType
    /// Required unless `type` is `p` (fifo).
    public var major: Int64?
    public var minor: Int64?
    /// Permission bits (decimal in JSON: 438 is 0666).
    public var fileMode: UInt32?
    public var uid: UInt32?
    public var gid: UInt32?

    public init(
        path: String, type: LinuxDeviceType, major: Int64? = nil, minor: Int64? = nil, fileMode: UInt32? = nil,
        uid: UInt32? = nil, gid: UInt32? = nil
    ) {
        self.path = path
        self.type = type
        self.major = major
        self.minor = minor
        self.fileMode = fileMode
        self.uid = uid
        self.gid = gid
    }
}

/// One device-cgroup rule; absent type/major/minor mean "all".
public struct LinuxDeviceCgroup: Codable, Sendable, Equatable {
    public var allow: Bool
    public var type: LinuxDeviceType?
    public var major: Int64?
    public var minor: Int64?
    /// Some of "rwm".
    public var access: String?

    public init(allow: Bool, type: LinuxDeviceType? = nil, major: Int64? = nil, minor: Int64? = nil, access: String? = nil) {
        self.allow = allow
        self.type = type
        self.major = major
        self.minor = minor
        self.access = access
    }
}

/// Device file types; `a` (all) is valid only in device-cgroup rules.
public enum LinuxDeviceType: String, SpecEnum {
    case char = "c"
    case block = "b"
    case unbufferedChar = "u"
    case fifo = "p"
    case all = "a"
    public static let specKind = "device type"
}
