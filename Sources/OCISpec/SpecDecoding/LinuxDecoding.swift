// SpecDecodable for Model/Linux.swift (config-linux.md: the linux object and its smaller parts): one line per field, in the model's order;
// `required` for the non-optional ones. SpecDecodingTests holds it to the Codable decoder.

extension Linux: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let uidMappings: [LinuxIDMapping]? = object.optional("uidMappings")
        let gidMappings: [LinuxIDMapping]? = object.optional("gidMappings")
        let sysctl: [String: String]? = object.optional("sysctl")
        let resources: LinuxResources? = object.optional("resources")
        let cgroupsPath: String? = object.optional("cgroupsPath")
        let namespaces: [LinuxNamespace]? = object.optional("namespaces")
        let devices: [LinuxDevice]? = object.optional("devices")
        let netDevices: [String: LinuxNetDevice]? = object.optional("netDevices")
        let seccomp: LinuxSeccomp? = object.optional("seccomp")
        let rootfsPropagation: MountPropagation? = object.optional("rootfsPropagation")
        let maskedPaths: [String]? = object.optional("maskedPaths")
        let readonlyPaths: [String]? = object.optional("readonlyPaths")
        let mountLabel: String? = object.optional("mountLabel")
        let intelRdt: LinuxIntelRdt? = object.optional("intelRdt")
        let memoryPolicy: LinuxMemoryPolicy? = object.optional("memoryPolicy")
        let personality: LinuxPersonality? = object.optional("personality")
        let timeOffsets: [String: LinuxTimeOffset]? = object.optional("timeOffsets")
        self.init(
            uidMappings: uidMappings, gidMappings: gidMappings, sysctl: sysctl, resources: resources,
            cgroupsPath: cgroupsPath, namespaces: namespaces, devices: devices, netDevices: netDevices,
            seccomp: seccomp, rootfsPropagation: rootfsPropagation, maskedPaths: maskedPaths,
            readonlyPaths: readonlyPaths, mountLabel: mountLabel, intelRdt: intelRdt, memoryPolicy: memoryPolicy,
            personality: personality, timeOffsets: timeOffsets
        )
    }
}

extension LinuxIDMapping: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let containerID: UInt32? = object.required("containerID")
        let hostID: UInt32? = object.required("hostID")
        let size: UInt32? = object.required("size")
        guard let containerID, let hostID, let size else { throw ProblemAlreadyRecorded() }
        self.init(containerID: containerID, hostID: hostID, size: size)
    }
}

extension LinuxTimeOffset: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let secs: Int64? = object.optional("secs")
        let nanosecs: UInt32? = object.optional("nanosecs")
        self.init(secs: secs, nanosecs: nanosecs)
    }
}

extension LinuxNetDevice: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let name: String? = object.optional("name")
        self.init(name: name)
    }
}

extension LinuxIntelRdt: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let closID: String? = object.optional("closID")
        let schemata: [String]? = object.optional("schemata")
        let l3CacheSchema: String? = object.optional("l3CacheSchema")
        let memBwSchema: String? = object.optional("memBwSchema")
        let enableMonitoring: Bool? = object.optional("enableMonitoring")
        self.init(
            closID: closID, schemata: schemata, l3CacheSchema: l3CacheSchema, memBwSchema: memBwSchema,
            enableMonitoring: enableMonitoring
        )
    }
}

extension LinuxMemoryPolicy: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let mode: LinuxMemoryPolicyMode? = object.required("mode")
        let nodes: String? = object.optional("nodes")
        let flags: [LinuxMemoryPolicyFlag]? = object.optional("flags")
        guard let mode else { throw ProblemAlreadyRecorded() }
        self.init(mode: mode, nodes: nodes, flags: flags)
    }
}

extension LinuxPersonality: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let domain: LinuxPersonalityDomain? = object.required("domain")
        let flags: [String]? = object.optional("flags")
        guard let domain else { throw ProblemAlreadyRecorded() }
        self.init(domain: domain, flags: flags)
    }
}
