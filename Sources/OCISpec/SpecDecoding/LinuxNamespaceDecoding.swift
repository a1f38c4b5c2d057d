// SpecDecodable for Model/LinuxNamespace.swift (config-linux.md "namespaces"): one line per field, in the model's order;
// `required` for the non-optional ones. SpecDecodingTests holds it to the Codable decoder.

extension LinuxNamespace: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let type: LinuxNamespaceType? = object.required("type")
        let path: String? = object.optional("path")
        guard let type else { throw ProblemAlreadyRecorded() }
        self.init(type: type, path: path)
    }
}
