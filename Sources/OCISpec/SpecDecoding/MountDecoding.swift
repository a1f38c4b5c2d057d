// SpecDecodable for Model/Mount.swift (config.md "mounts"): one line per field, in the model's order;
// `required` for the non-optional ones. SpecDecodingTests holds it to the Codable decoder.

extension Mount: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let destination: String? = object.required("destination")
        let type: String? = object.optional("type")
        let source: String? = object.optional("source")
        let options: [String]? = object.optional("options")
        let uidMappings: [LinuxIDMapping]? = object.optional("uidMappings")
        let gidMappings: [LinuxIDMapping]? = object.optional("gidMappings")
        guard let destination else { throw ProblemAlreadyRecorded() }
        self.init(
            destination: destination, type: type, source: source, options: options, uidMappings: uidMappings,
            gidMappings: gidMappings
        )
    }
}
