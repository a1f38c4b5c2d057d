// SpecDecodable for Model/Spec.swift (config.md's top level and "root"): one line per field, in the model's order;
// `required` for the non-optional ones. SpecDecodingTests holds it to the Codable decoder.

extension Spec: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let ociVersion: String? = object.required("ociVersion")
        let process: Process? = object.optional("process")
        let root: Root? = object.optional("root")
        let hostname: String? = object.optional("hostname")
        let domainname: String? = object.optional("domainname")
        let mounts: [Mount]? = object.optional("mounts")
        let hooks: Hooks? = object.optional("hooks")
        let annotations: [String: String]? = object.optional("annotations")
        let linux: Linux? = object.optional("linux")
        guard let ociVersion else { throw ProblemAlreadyRecorded() }
        self.init(
            ociVersion: ociVersion, process: process, root: root, hostname: hostname, domainname: domainname,
            mounts: mounts, hooks: hooks, annotations: annotations, linux: linux
        )
    }
}

extension Root: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let path: String? = object.required("path")
        let readonly: Bool? = object.optional("readonly")
        guard let path else { throw ProblemAlreadyRecorded() }
        self.init(path: path, readonly: readonly)
    }
}
