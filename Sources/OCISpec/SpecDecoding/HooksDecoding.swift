// SpecDecodable for Model/Hooks.swift (config.md "hooks"): one line per field, in the model's order;
// `required` for the non-optional ones. SpecDecodingTests holds it to the Codable decoder.

extension Hooks: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let prestart: [Hook]? = object.optional("prestart")
        let createRuntime: [Hook]? = object.optional("createRuntime")
        let createContainer: [Hook]? = object.optional("createContainer")
        let startContainer: [Hook]? = object.optional("startContainer")
        let poststart: [Hook]? = object.optional("poststart")
        let poststop: [Hook]? = object.optional("poststop")
        self.init(
            prestart: prestart, createRuntime: createRuntime, createContainer: createContainer,
            startContainer: startContainer, poststart: poststart, poststop: poststop
        )
    }
}

extension Hook: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let path: String? = object.required("path")
        let args: [String]? = object.optional("args")
        let env: [String]? = object.optional("env")
        let timeout: Int? = object.optional("timeout")
        guard let path else { throw ProblemAlreadyRecorded() }
        self.init(path: path, args: args, env: env, timeout: timeout)
    }
}
