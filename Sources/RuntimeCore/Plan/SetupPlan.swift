import OCISpec
import LinuxSys
import Cgroups
import Seccomp

/// Everything the container-side processes need, resolved in the parent before the fork: paths made absolute,
/// mount options parsed, capability names turned into bits. The child only executes it (no re-exec, no re-parsing).
struct SetupPlan: Sendable {
    var id: String
    var bundle: String
    /// Absolute rootfs path with symlinks resolved.
    var rootfs: String
    var spec: Spec
    var namespaces: NamespacePlan
    var mounts: [MountPlan]
    var devices: [DeviceNode]
    /// True when /dev is a fresh filesystem we populate (not a bind mount of a host /dev).
    var populateDev: Bool
    var process: ProcessPlan
    var hostname: String?
    var domainname: String?
    var sysctl: [(key: String, value: String)]
    var maskedPaths: [String]
    var readonlyPaths: [String]
    var rootReadonly: Bool
    /// Propagation for "/" inside the container's mount namespace (MS_SLAVE|MS_REC unless rootfsPropagation says otherwise).
    var rootPropagation: MountFlags
    var noPivot: Bool
    var noNewKeyring: Bool
    var preserveFds: UInt32
    /// How many of the preserved fds are socket-activation fds (LISTEN_FDS).
    var listenFds: UInt32 = 0
    /// What each `mounts` entry of type "cgroup" becomes (by mount index), computed from the container's cgroups.
    var cgroupMounts: [Int: CgroupMountPlan] = [:]
    /// `run`: no exec fifo. The init keeps the sync socket after `detached` and waits there for `start`
    /// (StartOperation.run(created:)); set by CreateOperation.
    var startsOnChannel = false
    /// linux.seccomp compiled in the parent (libseccomp allocates; the child only makes the seccomp(2) call).
    var seccomp: SeccompProgram?
    /// prestart, createRuntime or createContainer hooks: they run while the container is `creating`.
    var hasHooksBeforeReady: Bool {
        guard let hooks = spec.hooks else { return false }
        return !(hooks.prestart ?? []).isEmpty || !(hooks.createRuntime ?? []).isEmpty || !(hooks.createContainer ?? []).isEmpty
    }
}

struct NamespacePlan: Sendable {
    /// CLONE_NEW* flags unshared by the first child (user first by the kernel's own ordering).
    var unshareFlags: Int32
    /// Namespaces joined by path, the user namespace first (it grants the capabilities to join the others).
    var joins: [(type: LinuxNamespaceType, path: String)]
    var newUser: Bool
    var newPID: Bool
    var newTime: Bool
    var newCgroup: Bool
    var newMount: Bool
    var uidMappings: [LinuxIDMapping]
    var gidMappings: [LinuxIDMapping]
    var timeOffsets: [String: LinuxTimeOffset]
    /// A new network namespace the parent made beforehand (EarlyNetworkNamespace): the init joins this fd
    /// instead of the clone creating one.
    var madeNetworkFD: Int32? = nil
}

struct MountPlan: Sendable {
    enum Kind: Sendable { case bind, filesystem }
    var index: Int
    var destination: String
    var source: String
    var type: String
    var kind: Kind
    var options: MountOptions
    /// For binds: whether the source is a directory (decides whether the target is a directory or a file).
    var sourceIsDirectory: Bool
    /// idmap/ridmap (or uidMappings/gidMappings): the mapping the bind is idmapped with.
    var idmap: IDMapPlan? = nil
    var configPath: String { "mounts[\(index)]" }
}

/// An idmapped bind mount: host ids in the source are seen through these mappings (mount_setattr MOUNT_ATTR_IDMAP).
struct IDMapPlan: Sendable {
    var uidMappings: [LinuxIDMapping]
    var gidMappings: [LinuxIDMapping]
    /// "ridmap": every mount of the bound tree is idmapped, not only its top.
    var recursive: Bool
}

struct DeviceNode: Sendable {
    enum Kind: Sendable { case char, block, fifo }
    var path: String
    var kind: Kind
    var major: UInt32
    var minor: UInt32
    var mode: UInt32
    var uid: UInt32
    var gid: UInt32
    var configPath: String
}

struct ProcessPlan: Sendable {
    var args: [String]
    var env: [String]
    var cwd: String
    var uid: UInt32
    var gid: UInt32
    var additionalGids: [UInt32]
    /// nil: keep the caller's umask (config.md: "If unspecified, the umask should not be changed").
    var umask: UInt32?
    var capabilities: CapabilityPlan
    var rlimits: [(type: RlimitType, soft: UInt64, hard: UInt64)]
    var noNewPrivileges: Bool
    var oomScoreAdj: Int?
    var personality: UInt?
    var scheduler: Scheduler?
    var ioPriority: LinuxIOPriority?
    var cpuAffinityInitial: String?
    var cpuAffinityFinal: String?

    /// PATH from the process environment (Go's exec.LookPath semantics use it; runc looks up args[0] with it).
    var searchPath: String {
        env.last { $0.hasPrefix("PATH=") }.map { String($0.dropFirst(5)) } ?? ""
    }
}

/// Capability sets as kernel bit masks.
struct CapabilityPlan: Sendable {
    var bounding: UInt64
    var effective: UInt64
    var permitted: UInt64
    var inheritable: UInt64
    var ambient: [Int32]

    init(_ caps: LinuxCapabilities?) {
        func mask(_ list: [Capability]?) -> UInt64 {
            (list ?? []).reduce(0) { $0 | (1 << UInt64($1.kernelValue)) }
        }
        bounding = mask(caps?.bounding)
        effective = mask(caps?.effective)
        permitted = mask(caps?.permitted)
        inheritable = mask(caps?.inheritable)
        ambient = (caps?.ambient ?? []).map(\.kernelValue)
    }
}
