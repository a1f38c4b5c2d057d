/// One flag of the tool or of a command, as runc's urfave/cli declares it.
///
/// `names[0]` is the canonical name used to look values up; the rest are aliases (often one letter).
/// Both `-name` and `--name` spellings are accepted for every name, as Go's flag package does.
public struct FlagSpec: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `--flag`, `--flag=true|false`; never consumes the next argument.
        case bool
        /// `--flag v` or `--flag=v`; the last occurrence wins.
        case string
        /// Like `.string`, but the value must parse as an integer (checked while parsing, as Go does).
        case int
        /// `-e A -e B`: every occurrence is kept, in order.
        case repeated
    }

    public var names: [String]
    public var kind: Kind
    public var usage: String
    /// Shown as `(default: "…")` in help; not applied to parsed values.
    public var defaultText: String?

    public init(_ names: [String], _ kind: Kind, _ usage: String, default defaultText: String? = nil) {
        self.names = names
        self.kind = kind
        self.usage = usage
        self.defaultText = defaultText
    }

    public var canonicalName: String { names.first ?? "" }
    public var takesValue: Bool { kind != .bool }

    /// The `--help, -h` flag every command and the tool accept.
    public static let help = FlagSpec(["help", "h"], .bool, "show help")
}

extension Array where Element == FlagSpec {
    /// The spec that declares `name` (canonical or alias), if any.
    public func spec(named name: String) -> FlagSpec? {
        first { $0.names.contains(name) }
    }
}
