/// Decodes config.json and its parts (a `process` for exec, `linux.resources` for update, stored hooks) with the
/// hand-written SpecDecodable initializers; same results as JSONValueDecoder, which every other type still uses.
public enum SpecDecoder {
    /// Never throws: a syntax error becomes the single problem (path empty, message with line and column).
    public static func decodeCollecting<T: SpecDecodable>(_ type: T.Type, from bytes: [UInt8]) -> JSONValueDecoder.Outcome<T> {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            return JSONValueDecoder.Outcome(value: nil, problems: [.error("", error.description)], droppedPaths: [""])
        }
        return decodeCollecting(type, from: value)
    }

    public static func decodeCollecting<T: SpecDecodable>(_ type: T.Type, from value: JSONValue) -> JSONValueDecoder.Outcome<T> {
        let recorder = ProblemRecorder()
        let decoded = try? T(spec: value, at: "", recorder)
        var dropped = recorder.droppedPaths
        if decoded == nil { dropped.append("") }
        return JSONValueDecoder.Outcome(value: decoded, problems: recorder.problems, droppedPaths: dropped)
    }

    /// Throws every problem (syntax, types, unknown enum values) at once.
    public static func decode<T: SpecDecodable>(_ type: T.Type, from bytes: [UInt8]) throws(ConfigError) -> T {
        let outcome = decodeCollecting(type, from: bytes)
        guard let value = outcome.value, outcome.problems.isEmpty else { throw ConfigError(problems: outcome.problems) }
        return value
    }
}
