import RuntimeCore

/// One subcommand: its flag table and a body that parses typed values, calls RuntimeCore and prints.
protocol Command: Sendable {
    static var spec: CommandSpec { get }
    /// Returns the process exit status (`run` and `exec` return the container process's).
    static func run(_ context: CommandContext) throws -> Int32
}

/// What a command body receives.
struct CommandContext {
    var globals: GlobalOptions
    var flags: ParsedFlags
    var arguments: [String]

    /// The single `<container-id>` argument (arity already checked by the grammar).
    var containerID: String { arguments.first ?? "" }
}
