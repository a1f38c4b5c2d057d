/// Flag values after parsing, keyed by each flag's canonical name.
public struct ParsedFlags: Sendable, Equatable {
    private var values: [String: [String]] = [:]

    public init() {}

    mutating func record(_ spec: FlagSpec, value: String) {
        values[spec.canonicalName, default: []].append(value)
    }

    /// Whether the flag appeared at all (also `--flag=false`), like urfave's `IsSet`.
    public func isSet(_ name: String) -> Bool { values[name] != nil }

    /// The last value given for a string/int flag.
    public func string(_ name: String) -> String? { values[name]?.last }

    /// Every value of a repeated flag, in order.
    public func strings(_ name: String) -> [String] { values[name] ?? [] }

    /// A bool flag's value (false when absent); the parser has already checked the spelling.
    public func bool(_ name: String) -> Bool {
        guard let last = values[name]?.last else { return false }
        return GoBool.parse(last) ?? false
    }

    /// An int flag's value; the parser has already checked it parses.
    public func int(_ name: String) -> Int? {
        values[name]?.last.flatMap { Int($0) }
    }
}

/// Go's `strconv.ParseBool` spellings, which runc's bool flags accept after `=`.
enum GoBool {
    static func parse(_ text: String) -> Bool? {
        switch text {
        case "1", "t", "T", "true", "TRUE", "True": return true
        case "0", "f", "F", "false", "FALSE", "False": return false
        default: return nil
        }
    }
}
