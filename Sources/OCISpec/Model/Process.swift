/// The container process (config.md "process"). Windows-only fields are not modelled.
public struct Process: Codable, Sendable, Equatable {
    public var terminal: Bool?
    public var consoleSize: Box?
    public var user: User
    public var args: [String]?
    public var env: [String]?
    public var cwd: String
    public var capabilities: LinuxCapabilities?
    public var rlimits: [POSIXRlimit]?
    public var noNewPrivileges: Bool?
    public var apparmorProfile: String?
    public var oomScoreAdj: Int?
    public var scheduler: Scheduler?
    public var selinuxLabel: String?
    public var ioPriority: LinuxIOPriority?
    public var execCPUAffinity: CPUAffinity?

    public init(
        terminal: Bool? = nil, consoleSize: Box? = nil, user: User = User(uid: 0, gid: 0), args: [String]? = nil,
        env: [String]? = nil, cwd: String = "/", capabilities: LinuxCapabilities? = nil,
        rlimits: [POSIXRlimit]? = nil, noNewPrivileges: Bool? = nil, apparmorProfile: String? = nil,
        oomScoreAdj: Int? = nil, scheduler: Scheduler? = nil, selinuxLabel: String? = nil,
        ioPriority: LinuxIOPriority? = nil, execCPUAffinity: CPUAffinity? = nil
    ) {
        self.terminal = terminal
        self.consoleSize = consoleSize
        self.user = user
        self.args = args
        self.env = env
        self.cwd = cwd
        self.capabilities = capabilities
        self.rlimits = rlimits
        self.noNewPrivileges = noNewPrivileges
        self.apparmorProfile = apparmorProfile
        self.oomScoreAdj = oomScoreAdj
        self.scheduler = scheduler
        self.selinuxLabel = selinuxLabel
        self.ioPriority = ioPriority
        self.execCPUAffinity = execCPUAffinity
    }
}

/// Console size in characters.
public struct Box: Codable, Sendable, Equatable {
    public var height: UInt
    public var width: UInt

    public init(height: UInt, width: UInt) {
        self.height = height
        self.width = width
    }
}

/// The identity the process runs as (numeric only on Linux).
public struct User: Codable, Sendable, Equatable {
    public var uid: UInt32
    public var gid: UInt32
    public var umask: UInt32?
    public var additionalGids: [UInt32]?

    public init(uid: UInt32, gid: UInt32, umask: UInt32? = nil, additionalGids: [UInt32]? = nil) {
        self.uid = uid
        self.gid = gid
        self.umask = umask
        self.additionalGids = additionalGids
    }
}

/// The five capability sets kept for the process.
public struct LinuxCapabilities: Codable, Sendable, Equatable {
    public var bounding: [Capability]?
    public var effective: [Capability]?
    public var inheritable: [Capability]?
    public var permitted: [Capability]?
    public var ambient: [Capability]?

    public init(
        bounding: [Capability]? = nil, effective: [Capability]? = nil, inheritable: [Capability]? = nil,
        permitted: [Capability]? = nil, ambient: [Capability]? = nil
    ) {
        self.bounding = bounding
        self.effective = effective
        self.inheritable = inheritable
        self.permitted = permitted
        self.ambient = ambient
    }
}

/// One setrlimit(2) call.
public struct POSIXRlimit: Codable, Sendable, Equatable {
    public var type: RlimitType
    public var hard: UInt64
    public var soft: UInt64

    public init(type: RlimitType, hard: UInt64, soft: UInt64) {
        self.type = type
        self.hard = hard
        self.soft = soft
    }
}

/// sched_setattr(2) parameters.
public struct Scheduler: Codable, Sendable, Equatable {
    public var policy: LinuxSchedulerPolicy
    public var nice: Int32?
    public var priority: Int32?
    public var flags: [LinuxSchedulerFlag]?
    public var runtime: UInt64?
    public var deadline: UInt64?
    public var period: UInt64?

    public init(
        policy: LinuxSchedulerPolicy, nice: Int32? = nil, priority: Int32? = nil, flags: [LinuxSchedulerFlag]? = nil,
        runtime: UInt64? = nil, deadline: UInt64? = nil, period: UInt64? = nil
    ) {
        self.policy = policy
        self.nice = nice
        self.priority = priority
        self.flags = flags
        self.runtime = runtime
        self.deadline = deadline
        self.period = period
    }
}

/// ioprio_set(2) parameters; `priority` defaults to 0 when absent.
public struct LinuxIOPriority: Codable, Sendable, Equatable {
    public var `class`: IOPriorityClass
    public var priority: Int32?

    public init(class: IOPriorityClass, priority: Int32? = nil) {
        self.class = `class`
        self.priority = priority
    }
}

/// CPU lists ("0-3,7") used while a process is being exec'd into the container.
public struct CPUAffinity: Codable, Sendable, Equatable {
    public var initial: String?
    public var final: String?

    public init(initial: String? = nil, final: String? = nil) {
        self.initial = initial
        self.final = final
    }
}
