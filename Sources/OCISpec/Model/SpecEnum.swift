/// A closed set of spec strings (capabilities, namespace types, seccomp actions …).
///
/// Decoding an unknown string fails with `unknown <specKind> "<value>"`, so the decoder
/// can report it with its JSON path instead of silently dropping it.
public protocol SpecEnum: RawRepresentable, CaseIterable, Codable, Sendable, Hashable, SpecDecodable where RawValue == String {
    /// What one value is called in messages: "capability", "namespace type", "rlimit".
    static var specKind: String { get }
}

extension SpecEnum {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown \(Self.specKind) \(quotedJSONString(text))")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// `"text"` with JSON escaping, for messages and paths.
func quotedJSONString(_ text: String) -> String { JSONWriter.quoted(text) }
