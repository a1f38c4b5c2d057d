/// Decodes any spec type from JSON with path-carrying problems: config.json, state files,
/// `exec --process p.json`, `update --resources r.json`.
public enum JSONValueDecoder {
    /// The decoded value (nil when the root itself could not be decoded) and every problem found.
    public struct Outcome<T> {
        public var value: T?
        public var problems: [ConfigProblem]
        /// Optional members left nil because something inside them was wrong.
        public var droppedPaths: [String]
    }

    /// Throws every problem (syntax, types, unknown enum values) at once.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws(ConfigError) -> T {
        let outcome = decodeCollecting(type, from: bytes)
        guard let value = outcome.value, outcome.problems.isEmpty else {
            throw ConfigError(problems: outcome.problems)
        }
        return value
    }

    public static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws(ConfigError) -> T {
        let outcome = decodeCollecting(type, from: value)
        guard let decoded = outcome.value, outcome.problems.isEmpty else {
            throw ConfigError(problems: outcome.problems)
        }
        return decoded
    }

    /// Never throws: a syntax error becomes the single problem (path empty, message with line and column).
    public static func decodeCollecting<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) -> Outcome<T> {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            return Outcome(value: nil, problems: [.error("", error.description)], droppedPaths: [""])
        }
        return decodeCollecting(type, from: value)
    }

    public static func decodeCollecting<T: Decodable>(_ type: T.Type, from value: JSONValue) -> Outcome<T> {
        let recorder = ProblemRecorder()
        let root = ValueDecoder(value: value, codingPath: [], recorder: recorder, expectedType: type)
        let decoded = try? root.decode(type, from: value, at: [])
        var dropped = recorder.droppedPaths
        if decoded == nil { dropped.append("") }
        return Outcome(value: decoded, problems: recorder.problems, droppedPaths: dropped)
    }
}

extension JSONValueDecoder.Outcome: Sendable where T: Sendable {}
