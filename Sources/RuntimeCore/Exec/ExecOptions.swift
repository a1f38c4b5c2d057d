/// `exec`'s flags (runc's), typed. Either `processPath` (`--process p.json`) or `args` names the program.
public struct ExecOptions: Sendable {
    public var id: String
    public var args: [String] = []
    public var processPath: String?
    public var detach = false
    /// `-t`: nil when the flag was not given (runc's IsSet: then process.json's own `terminal` stands).
    public var tty: Bool?
    public var consoleSocket: String?
    public var pidFile: String?
    public var cwd: String?
    public var env: [String] = []
    /// `-u uid[:gid]`.
    public var user: String?
    public var additionalGids: [String] = []
    public var capabilities: [String] = []
    /// nil when --no-new-privs was not given.
    public var noNewPrivileges: Bool?
    public var preserveFds: UInt32 = 0
    public var processLabel: String?
    public var apparmorProfile: String?
    /// `--cgroup [<controller>:]<path>`, repeated.
    public var cgroups: [String] = []
    public var ignorePaused = false

    public init(id: String) {
        self.id = id
    }
}
