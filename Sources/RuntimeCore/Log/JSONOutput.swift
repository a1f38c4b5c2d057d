/// JSON written the way Go's encoding/json writes it, keys in the order given: runc's `state` and
/// `list` output, logrus's JSON log lines. (FoundationEssentials' encoder cannot keep key order and
/// pretty-prints as `"key" : value`.)
public indirect enum JSONOutput: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case string(String)
    case array([JSONOutput])
    case object([Member])

    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONOutput
        public init(_ key: String, _ value: JSONOutput) {
            self.key = key
            self.value = value
        }
    }

    /// A string map with its keys sorted, as Go marshals maps.
    public static func stringMap(_ map: [String: String]) -> JSONOutput {
        .object(map.keys.sorted().map { Member($0, .string(map[$0] ?? "")) })
    }

    /// Compact (`indent == nil`) or indented like `json.MarshalIndent(v, "", indent)`.
    public func rendered(indent: String? = nil) -> String {
        var out = ""
        write(to: &out, indent: indent, depth: 0)
        return out
    }

    private func write(to out: inout String, indent: String?, depth: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .uint(let value): out += String(value)
        case .string(let value): out += JSONOutput.quote(value)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (offset, item) in items.enumerated() {
                if offset > 0 { out += "," }
                newline(&out, indent: indent, depth: depth + 1)
                item.write(to: &out, indent: indent, depth: depth + 1)
            }
            newline(&out, indent: indent, depth: depth)
            out += "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            for (offset, member) in members.enumerated() {
                if offset > 0 { out += "," }
                newline(&out, indent: indent, depth: depth + 1)
                out += JSONOutput.quote(member.key)
                out += indent == nil ? ":" : ": "
                member.value.write(to: &out, indent: indent, depth: depth + 1)
            }
            newline(&out, indent: indent, depth: depth)
            out += "}"
        }
    }

    private func newline(_ out: inout String, indent: String?, depth: Int) {
        guard let indent else { return }
        out += "\n" + String(repeating: indent, count: depth)
    }

    /// encoding/json's string escaping, including its HTML-safe escapes of <, > and &.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}": out += "\\u" + GoQuoting.hex(scalar.value, digits: 4)
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + GoQuoting.hex(scalar.value, digits: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
