// SpecDecodable for Model/Process.swift (config.md "process" and its parts): one line per field, in the model's order;
// `required` for the non-optional ones. SpecDecodingTests holds it to the Codable decoder.

extension Process: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let terminal: Bool? = object.optional("terminal")
        let consoleSize: Box? = object.optional("consoleSize")
        let user: User? = object.required("user")
        let args: [String]? = object.optional("args")
        let env: [String]? = object.optional("env")
        let cwd: String? = object.required("cwd")
        let capabilities: LinuxCapabilities? = object.optional("capabilities")
        let rlimits: [POSIXRlimit]? = object.optional("rlimits")
        let noNewPrivileges: Bool? = object.optional("noNewPrivileges")
        let apparmorProfile: String? = object.optional("apparmorProfile")
        let oomScoreAdj: Int? = object.optional("oomScoreAdj")
        let scheduler: Scheduler? = object.optional("scheduler")
        let selinuxLabel: String? = object.optional("selinuxLabel")
        let ioPriority: LinuxIOPriority? = object.optional("ioPriority")
        let execCPUAffinity: CPUAffinity? = object.optional("execCPUAffinity")
        guard let user, let cwd else { throw ProblemAlreadyRecorded() }
        self.init(
            terminal: terminal, consoleSize: consoleSize, user: user, args: args, env: env, cwd: cwd,
            capabilities: capabilities, rlimits: rlimits, noNewPrivileges: noNewPrivileges,
            apparmorProfile: apparmorProfile, oomScoreAdj: oomScoreAdj, scheduler: scheduler,
            selinuxLabel: selinuxLabel, ioPriority: ioPriority, execCPUAffinity: execCPUAffinity
        )
    }
}

extension Box: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let height: UInt? = object.required("height")
        let width: UInt? = object.required("width")
        guard let height, let width else { throw ProblemAlreadyRecorded() }
        self.init(height: height, width: width)
    }
}

extension User: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let uid: UInt32? = object.required("uid")
        let gid: UInt32? = object.required("gid")
        let umask: UInt32? = object.optional("umask")
        let additionalGids: [UInt32]? = object.optional("additionalGids")
        guard let uid, let gid else { throw ProblemAlreadyRecorded() }
        self.init(uid: uid, gid: gid, umask: umask, additionalGids: additionalGids)
    }
}

extension LinuxCapabilities: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let bounding: [Capability]? = object.optional("bounding")
        let effective: [Capability]? = object.optional("effective")
        let inheritable: [Capability]? = object.optional("inheritable")
        let permitted: [Capability]? = object.optional("permitted")
        let ambient: [Capability]? = object.optional("ambient")
        self.init(
            bounding: bounding, effective: effective, inheritable: inheritable, permitted: permitted, ambient: ambient
        )
    }
}

extension POSIXRlimit: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let type: RlimitType? = object.required("type")
        let hard: UInt64? = object.required("hard")
        let soft: UInt64? = object.required("soft")
        guard let type, let hard, let soft else { throw ProblemAlreadyRecorded() }
        self.init(type: type, hard: hard, soft: soft)
    }
}

extension Scheduler: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let policy: LinuxSchedulerPolicy? = object.required("policy")
        let nice: Int32? = object.optional("nice")
        let priority: Int32? = object.optional("priority")
        let flags: [LinuxSchedulerFlag]? = object.optional("flags")
        let runtime: UInt64? = object.optional("runtime")
        let deadline: UInt64? = object.optional("deadline")
        let period: UInt64? = object.optional("period")
        guard let policy else { throw ProblemAlreadyRecorded() }
        self.init(
            policy: policy, nice: nice, priority: priority, flags: flags, runtime: runtime, deadline: deadline,
            period: period
        )
    }
}

extension LinuxIOPriority: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let `class`: IOPriorityClass? = object.required("class")
        let priority: Int32? = object.optional("priority")
        guard let `class` else { throw ProblemAlreadyRecorded() }
        self.init(class: `class`, priority: priority)
    }
}

extension CPUAffinity: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let initial: String? = object.optional("initial")
        let final: String? = object.optional("final")
        self.init(initial: initial, final: final)
    }
}
