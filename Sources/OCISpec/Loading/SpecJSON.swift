import FoundationEssentials

/// JSON for people and engines: sorted keys, unescaped slashes, nil fields omitted.
public enum SpecJSON {
    /// Our model types always encode; should a caller's type throw, the result is empty rather than a crash.
    public static func encode<T: Encodable>(_ value: T, pretty: Bool) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return [] }
        return Array(data)
    }
}
