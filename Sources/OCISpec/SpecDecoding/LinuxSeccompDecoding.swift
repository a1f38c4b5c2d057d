// SpecDecodable for Model/LinuxSeccomp.swift (config-linux.md "Seccomp"): one line per field, in the model's order;
// `required` for the non-optional ones. SpecDecodingTests holds it to the Codable decoder.

extension LinuxSeccomp: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let defaultAction: LinuxSeccompAction? = object.required("defaultAction")
        let defaultErrnoRet: UInt32? = object.optional("defaultErrnoRet")
        let architectures: [Arch]? = object.optional("architectures")
        let flags: [LinuxSeccompFlag]? = object.optional("flags")
        let listenerPath: String? = object.optional("listenerPath")
        let listenerMetadata: String? = object.optional("listenerMetadata")
        let syscalls: [LinuxSyscall]? = object.optional("syscalls")
        guard let defaultAction else { throw ProblemAlreadyRecorded() }
        self.init(
            defaultAction: defaultAction, defaultErrnoRet: defaultErrnoRet, architectures: architectures, flags: flags,
            listenerPath: listenerPath, listenerMetadata: listenerMetadata, syscalls: syscalls
        )
    }
}

extension LinuxSyscall: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let names: [String]? = object.required("names")
        let action: LinuxSeccompAction? = object.required("action")
        let errnoRet: UInt32? = object.optional("errnoRet")
        let args: [LinuxSeccompArg]? = object.optional("args")
        guard let names, let action else { throw ProblemAlreadyRecorded() }
        self.init(names: names, action: action, errnoRet: errnoRet, args: args)
    }
}

extension LinuxSeccompArg: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let index: UInt32? = object.required("index")
        let value: UInt64? = object.required("value")
        let valueTwo: UInt64? = object.optional("valueTwo")
        let op: LinuxSeccompOperator? = object.required("op")
        guard let index, let value, let op else { throw ProblemAlreadyRecorded() }
        self.init(index: index, value: value, valueTwo: valueTwo, op: op)
    }
}
