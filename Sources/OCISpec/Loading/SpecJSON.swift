/// JSON for people and engines: sorted keys, unescaped slashes, nil fields omitted (JSONValueEncoder + JSONWriter).
public enum SpecJSON {
    /// Our model types always encode; should a caller's type throw, the result is empty rather than a crash.
    public static func encode<T: Encodable>(_ value: T, pretty: Bool) -> [UInt8] {
        (try? encoded(value, pretty: pretty)) ?? []
    }

    /// The same, reporting a type's own encoding error.
    public static func encoded<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
        JSONWriter.write(try JSONValueEncoder.encode(value), pretty: pretty)
    }
}
