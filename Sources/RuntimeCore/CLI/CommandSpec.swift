/// What a command accepts: its flags, how many positional arguments, and the help text generated from them.
public struct CommandSpec: Sendable {
    /// How many positional arguments a command takes; checked like runc's `checkArgs`.
    public enum Arity: Sendable, Equatable {
        case any
        case exactly(Int)
        case atLeast(Int)
        /// Between min and max, inclusive (runc's `kill ID [SIGNAL]`).
        case between(Int, Int)
    }

    public var name: String
    public var usage: String
    /// Text after the command name in the USAGE line, e.g. `<container-id>`; may continue on more lines.
    public var argsUsage: String
    public var description: String
    public var flags: [FlagSpec]
    public var arity: Arity
    /// runc (urfave/cli v1) moves known flags that follow positionals to the front, except for commands
    /// such as `exec` and `ps` whose trailing arguments belong to the process being run.
    public var reordersFlags: Bool

    public init(
        name: String, usage: String, argsUsage: String = "", description: String = "",
        flags: [FlagSpec] = [], arity: Arity = .any, reordersFlags: Bool = true
    ) {
        self.name = name
        self.usage = usage
        self.argsUsage = argsUsage
        self.description = description
        self.flags = flags
        self.arity = arity
        self.reordersFlags = reordersFlags
    }

    /// The declared flags plus `--help, -h`.
    public var flagsWithHelp: [FlagSpec] { flags + [FlagSpec.help] }
}
