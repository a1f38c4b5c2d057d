import OCISpec

/// Whether values are being set for a new container or changed on a running one (`update`):
/// a few checks (memory.checkBeforeUpdate) only make sense for the latter.
public enum ApplyMode: Sendable { case create, update }

/// One controller's part of linux.resources, for one cgroup version. Every implementation takes the
/// directory it writes to, so it can be tested against a temporary directory standing in for /sys/fs/cgroup.
protocol ResourceController {
    /// The kernel's name for the controller ("memory", "io"); empty when the feature needs no controller
    /// (v2 device programs attach to any cgroup2 directory).
    static var controller: String { get }
    static func isConfigured(in resources: LinuxResources) -> Bool
    static func apply(_ resources: LinuxResources, to directory: CgroupDirectory, mode: ApplyMode) throws(CgroupError)
}

/// A resource group and the controller that implements it on each cgroup version, in runc's order
/// (cpuset before memory so memory migration sees the final nodes; devices early so a failure stops before the rest).
struct ControllerRoute: Sendable {
    /// v1 controller name, also the key in CgroupSet.paths.
    let name: String
    let v1: (any ResourceController.Type)?
    let v2: (any ResourceController.Type)?

    static let all: [ControllerRoute] = [
        ControllerRoute(name: "cpuset", v1: V1Cpuset.self, v2: V2Cpuset.self),
        ControllerRoute(name: "devices", v1: V1Devices.self, v2: V2Devices.self),
        ControllerRoute(name: "memory", v1: V1Memory.self, v2: V2Memory.self),
        ControllerRoute(name: "cpu", v1: V1CPU.self, v2: V2CPU.self),
        ControllerRoute(name: "pids", v1: V1Pids.self, v2: V2Pids.self),
        ControllerRoute(name: "blkio", v1: V1BlockIO.self, v2: V2IO.self),
        ControllerRoute(name: "hugetlb", v1: V1Hugetlb.self, v2: V2Hugetlb.self),
        ControllerRoute(name: "net_cls", v1: V1NetClassID.self, v2: nil),
        ControllerRoute(name: "net_prio", v1: V1NetPriority.self, v2: nil),
        ControllerRoute(name: "rdma", v1: V1Rdma.self, v2: V2Rdma.self),
    ]
}

/// Spec key of a resource group, for "not mounted" errors.
func resourceKey(forController name: String) -> String {
    switch name {
    case "cpuset": return "linux.resources.cpu"
    case "cpu": return "linux.resources.cpu"
    case "blkio": return "linux.resources.blockIO"
    case "hugetlb": return "linux.resources.hugepageLimits"
    case "net_cls": return "linux.resources.network.classID"
    case "net_prio": return "linux.resources.network.priorities"
    default: return "linux.resources." + name
    }
}

/// "-1 means unlimited" for v2 files, which spell it "max".
func v2Limit(_ value: Int64) -> String { value < 0 ? "max" : String(value) }
