/// JSONValue → UTF-8 text, byte for byte as FoundationEssentials' JSONEncoder wrote it with
/// `[.sortedKeys, .withoutEscapingSlashes]` (+ `.prettyPrinted`): keys in byte order, `"key" : value` and two-space
/// indentation when pretty, `{\n\n}` for an empty pretty container, \b \f \n \r \t and \u00xx escapes.
public enum JSONWriter {
    public static func write(_ value: JSONValue, pretty: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(value, into: &out, pretty: pretty, depth: 0)
        return out
    }

    private static func write(_ value: JSONValue, into out: inout [UInt8], pretty: Bool, depth: Int) {
        switch value {
        case .null: out += Array("null".utf8)
        case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
        case .number(let number): out += Array(number.literal.utf8)
        case .string(let text): quote(text, into: &out)
        case .array(let elements):
            open(UInt8(ascii: "["), isEmpty: elements.isEmpty, into: &out, pretty: pretty, depth: depth)
            for (index, element) in elements.enumerated() {
                separate(index, into: &out, pretty: pretty, depth: depth + 1)
                write(element, into: &out, pretty: pretty, depth: depth + 1)
            }
            close(UInt8(ascii: "]"), into: &out, pretty: pretty, depth: depth)
        case .object(let object):
            let members = sortedMembers(object)
            open(UInt8(ascii: "{"), isEmpty: members.isEmpty, into: &out, pretty: pretty, depth: depth)
            for (index, member) in members.enumerated() {
                separate(index, into: &out, pretty: pretty, depth: depth + 1)
                quote(member.key, into: &out)
                out += pretty ? Array(" : ".utf8) : [UInt8(ascii: ":")]
                write(member.value, into: &out, pretty: pretty, depth: depth + 1)
            }
            close(UInt8(ascii: "}"), into: &out, pretty: pretty, depth: depth)
        }
    }

    /// Byte order of the UTF-8 keys; a repeated key keeps its last value (what a decoder would read).
    private static func sortedMembers(_ object: JSONObject) -> [JSONMember] {
        var last: [String: JSONValue] = [:]
        for member in object.members { last[member.key] = member.value }
        return last.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.compactMap { key in
            last[key].map { JSONMember(key: key, value: $0) }
        }
    }

    private static func open(_ bracket: UInt8, isEmpty: Bool, into out: inout [UInt8], pretty: Bool, depth: Int) {
        out.append(bracket)
        // JSONEncoder's pretty form of an empty container: an empty line between the brackets.
        if pretty && isEmpty { out.append(UInt8(ascii: "\n")) }
    }

    private static func separate(_ index: Int, into out: inout [UInt8], pretty: Bool, depth: Int) {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        if pretty { newline(into: &out, depth: depth) }
    }

    private static func close(_ bracket: UInt8, into out: inout [UInt8], pretty: Bool, depth: Int) {
        if pretty { newline(into: &out, depth: depth) }
        out.append(bracket)
    }

    private static func newline(into out: inout [UInt8], depth: Int) {
        out.append(UInt8(ascii: "\n"))
        out += [UInt8](repeating: UInt8(ascii: " "), count: 2 * depth)
    }

    /// `text` as a JSON string literal, quotes included (also for messages and paths: `unknown capability "X"`).
    static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        quote(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
