/// CLONE_NEW* flags: one bit per namespace type, used by clone, unshare and setns.
public struct NamespaceKinds: OptionSet, Sendable, Hashable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let mount = NamespaceKinds(rawValue: 0x0002_0000)    // CLONE_NEWNS
    public static let cgroup = NamespaceKinds(rawValue: 0x0200_0000)   // CLONE_NEWCGROUP
    public static let uts = NamespaceKinds(rawValue: 0x0400_0000)      // CLONE_NEWUTS
    public static let ipc = NamespaceKinds(rawValue: 0x0800_0000)      // CLONE_NEWIPC
    public static let user = NamespaceKinds(rawValue: 0x1000_0000)     // CLONE_NEWUSER
    public static let pid = NamespaceKinds(rawValue: 0x2000_0000)      // CLONE_NEWPID
    public static let network = NamespaceKinds(rawValue: 0x4000_0000)  // CLONE_NEWNET
    /// CLONE_NEWTIME: shares its bit with CSIGNAL's range, so it only works with unshare/clone3, not clone.
    public static let time = NamespaceKinds(rawValue: 0x0000_0080)

    /// The name used in /proc/PID/ns/<name>.
    public var procName: String? {
        switch self {
        case .mount: return "mnt"
        case .cgroup: return "cgroup"
        case .uts: return "uts"
        case .ipc: return "ipc"
        case .user: return "user"
        case .pid: return "pid"
        case .network: return "net"
        case .time: return "time"
        default: return nil
        }
    }
}
