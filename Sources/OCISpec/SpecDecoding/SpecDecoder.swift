/// Decodes config.json and its parts (a `process` for exec, `linux.resources` for update, stored hooks) with the
/// hand-written SpecDecodable initializers; same results as JSONValueDecoder, which every other type still uses.
public enum SpecDecoder {
    /// Never throws: a syntax error becomes the single problem (path empty, message with line and column).
    public static func decodeCollecting<T: SpecDecodable>(_ type: T.Type, from bytes: [UInt8]) -> JSONValueDecoder.Outcome<T> {
        JSONValueDecoder.parsing(bytes) { decodeCollecting(type, from: $0) }
    }

    public static func decodeCollecting<T: SpecDecodable>(_ type: T.Type, from value: JSONValue) -> JSONValueDecoder.Outcome<T> {
        JSONValueDecoder.collecting { recorder in try T(spec: value, at: "", recorder) }
    }

    /// Throws every problem (syntax, types, unknown enum values) at once.
    public static func decode<T: SpecDecodable>(_ type: T.Type, from bytes: [UInt8]) throws(ConfigError) -> T {
        try decodeCollecting(type, from: bytes).get()
    }
}
