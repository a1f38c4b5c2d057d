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
        try decodeCollecting(type, from: bytes).get()
    }

    public static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws(ConfigError) -> T {
        try decodeCollecting(type, from: value).get()
    }

    /// Never throws: a syntax error becomes the single problem (path empty, message with line and column).
    public static func decodeCollecting<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) -> Outcome<T> {
        parsing(bytes) { decodeCollecting(type, from: $0) }
    }

    public static func decodeCollecting<T: Decodable>(_ type: T.Type, from value: JSONValue) -> Outcome<T> {
        collecting { recorder in
            try ValueDecoder(value: value, codingPath: [], recorder: recorder, expectedType: type).decode(type, from: value, at: [])
        }
    }

    /// The outcome of `decode` on the document `bytes` hold; a syntax error becomes the single problem (path empty,
    /// message with line and column). Shared with SpecDecoder.
    static func parsing<T>(_ bytes: [UInt8], _ decode: (JSONValue) -> Outcome<T>) -> Outcome<T> {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            return Outcome(value: nil, problems: [.error("", error.description)], droppedPaths: [""])
        }
        return decode(value)
    }

    /// Runs a decode that records its problems; the root counts as dropped when it could not be decoded.
    static func collecting<T>(_ decode: (ProblemRecorder) throws -> T) -> Outcome<T> {
        let recorder = ProblemRecorder()
        let decoded = try? decode(recorder)
        var dropped = recorder.droppedPaths
        if decoded == nil { dropped.append("") }
        return Outcome(value: decoded, problems: recorder.problems, droppedPaths: dropped)
    }
}

extension JSONValueDecoder.Outcome {
    /// The value, when there is one and no problem; else every problem at once.
    public func get() throws(ConfigError) -> T {
        guard let value, problems.isEmpty else { throw ConfigError(problems: problems) }
        return value
    }
}

extension JSONValueDecoder.Outcome: Sendable where T: Sendable {}
