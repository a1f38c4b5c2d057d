// SpecDecodable for Model/LinuxDevice.swift (config-linux.md "devices" and the device cgroup rules): one line per field, in the model's order;
// `required` for the non-optional ones. SpecDecodingTests holds it to the Codable decoder.

extension LinuxDevice: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let path: String? = object.required("path")
        let type: LinuxDeviceType? = object.required("type")
        let major: Int64? = object.optional("major")
        let minor: Int64? = object.optional("minor")
        let fileMode: UInt32? = object.optional("fileMode")
        let uid: UInt32? = object.optional("uid")
        let gid: UInt32? = object.optional("gid")
        guard let path, let type else { throw ProblemAlreadyRecorded() }
        self.init(path: path, type: type, major: major, minor: minor, fileMode: fileMode, uid: uid, gid: gid)
    }
}

extension LinuxDeviceCgroup: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let allow: Bool? = object.required("allow")
        let type: LinuxDeviceType? = object.optional("type")
        let major: Int64? = object.optional("major")
        let minor: Int64? = object.optional("minor")
        let access: String? = object.optional("access")
        guard let allow else { throw ProblemAlreadyRecorded() }
        self.init(allow: allow, type: type, major: major, minor: minor, access: access)
    }
}
