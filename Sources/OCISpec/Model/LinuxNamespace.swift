/// A namespace to create (no `path`) or join (`path` to an nsfs file).
public struct LinuxNamespace: Codable, Sendable, Equatable {
    public var type: LinuxNamespaceType
    public var path: String?

    public init(type: LinuxNamespaceType, path: String? = nil) {
        self.type = type
        self.path = path
    }
}

public enum LinuxNamespaceType: String, SpecEnum {
    case pid, network, mount, ipc, uts, user, cgroup, time
    public static let specKind = "namespace type"

    /// The CLONE_NEW* flag for clone3/unshare/setns.
    public var cloneFlag: Int32 {
        switch self {
        case .mount: 0x0002_0000
        case .cgroup: 0x0200_0000
        case .uts: 0x0400_0000
        case .ipc: 0x0800_0000
        case .user: 0x1000_0000
        case .pid: 0x2000_0000
        case .network: 0x4000_0000
        case .time: 0x0000_0080
        }
    }

    /// The file name under /proc/<pid>/ns/.
    public var procName: String {
        switch self {
        case .mount: "mnt"
        case .network: "net"
        default: rawValue
        }
    }
}
