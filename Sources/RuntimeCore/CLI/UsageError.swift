/// A command line that does not fit the grammar. Texts are runc's, because wrappers compare them.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Bad flag syntax or value: runc prints `Incorrect Usage: <message>` and the help.
        case flag
        /// Wrong number of arguments: runc prints `Incorrect Usage.` and the help.
        case arity
        /// No such command: runc prints no help and exits 3.
        case unknownCommand
    }

    public var kind: Kind
    public var message: String
    /// The command whose help should follow the error; nil for the tool's own help.
    public var command: String?

    public init(_ kind: Kind, _ message: String, command: String?) {
        self.kind = kind
        self.message = message
        self.command = command
    }

    public var description: String { message }

    /// runc exits 3 for an unknown command (urfave's "No help topic") and 1 for everything else.
    public var exitStatus: Int32 { kind == .unknownCommand ? 3 : 1 }

    /// The line printed before the help text.
    public var headline: String {
        switch kind {
        case .flag: return command == nil ? "Incorrect Usage. \(message)" : "Incorrect Usage: \(message)"
        case .arity: return "Incorrect Usage."
        case .unknownCommand: return message
        }
    }
}
