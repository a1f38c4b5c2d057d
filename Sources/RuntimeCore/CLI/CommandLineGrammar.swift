/// The whole command line: `tool [global options] command [command options] [arguments...]`.
///
/// Global flags are parsed up to the command name (no reordering, as runc's app level); the command's
/// own arguments are reordered when the command allows it, parsed, and their count checked.
public struct CommandLineGrammar: Sendable {
    /// What the caller should do after a successful parse.
    public enum Action: Sendable, Equatable {
        case run(command: String, flags: ParsedFlags, arguments: [String])
        /// nil: the tool's own help.
        case showHelp(command: String?)
        case showVersion
    }

    public struct Invocation: Sendable, Equatable {
        public var globals: ParsedFlags
        public var action: Action
    }

    public var toolName: String
    /// Includes `--help, -h` and `--version, -v`.
    public var globalFlags: [FlagSpec]
    /// In the order the help lists them.
    public var commandNames: [String]
    /// A command's spec by name, built when asked: a command line needs one, and building all sixteen flag
    /// tables cost ~50 µs of every start-up (bench (a)).
    private let spec: @Sendable (String) -> CommandSpec?

    public init(toolName: String, globalFlags: [FlagSpec], commandNames: [String], spec: @escaping @Sendable (String) -> CommandSpec?) {
        self.toolName = toolName
        self.globalFlags = globalFlags
        self.commandNames = commandNames
        self.spec = spec
    }

    public init(toolName: String, globalFlags: [FlagSpec], commands: [CommandSpec]) {
        self.init(toolName: toolName, globalFlags: globalFlags, commandNames: commands.map(\.name)) { name in
            commands.first { $0.name == name }
        }
    }

    /// Every command's spec (for the help).
    public var commands: [CommandSpec] { commandNames.compactMap(spec) }

    public func command(named name: String) -> CommandSpec? {
        commandNames.contains(name) ? spec(name) : nil
    }

    /// `arguments` excludes the program name.
    public func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
        let (globals, rest) = try parseGlobals(arguments)
        return Invocation(globals: globals, action: try resolve(globals: globals, rest: rest))
    }

    /// First phase: the global flags, up to the command name. Separate so the caller can set up logging
    /// before a command-level usage error is reported.
    public func parseGlobals(_ arguments: [String]) throws(UsageError) -> (globals: ParsedFlags, rest: [String]) {
        let (globals, rest) = try FlagParser.parse(arguments, flags: globalFlags, command: nil)
        return (globals, rest)
    }

    /// Second phase: the command and its own flags and arguments.
    public func resolve(globals: ParsedFlags, rest: [String]) throws(UsageError) -> Action {
        if globals.bool("help") { return .showHelp(command: nil) }
        if globals.bool("version") { return .showVersion }
        guard let name = rest.first else { return .showHelp(command: nil) }
        let commandArguments = Array(rest.dropFirst())
        if name == "help" || name == "h" {
            return .showHelp(command: try helpTopic(commandArguments.first))
        }
        guard let spec = command(named: name) else { throw noHelpTopic(name) }
        return try parseCommand(spec, commandArguments)
    }

    private func parseCommand(_ spec: CommandSpec, _ arguments: [String]) throws(UsageError) -> Action {
        let table = spec.flagsWithHelp
        let ordered = spec.reordersFlags ? FlagParser.reorder(arguments, flags: table) : arguments
        let (flags, positionals) = try FlagParser.parse(ordered, flags: table, command: spec.name)
        if flags.bool("help") { return .showHelp(command: spec.name) }
        try checkArity(spec, count: positionals.count)
        return .run(command: spec.name, flags: flags, arguments: positionals)
    }

    /// runc's `checkArgs` texts, e.g. `runc: "state" requires exactly 1 argument(s)`.
    private func checkArity(_ spec: CommandSpec, count: Int) throws(UsageError) {
        let prefix = "\(toolName): \"\(spec.name)\" requires"
        switch spec.arity {
        case .any:
            return
        case .exactly(let n) where count != n:
            throw UsageError(.arity, "\(prefix) exactly \(n) argument(s)", command: spec.name)
        case .atLeast(let n) where count < n:
            throw UsageError(.arity, "\(prefix) a minimum of \(n) argument(s)", command: spec.name)
        case .between(let low, _) where count < low:
            throw UsageError(.arity, "\(prefix) a minimum of \(low) argument(s)", command: spec.name)
        case .between(_, let high) where count > high:
            throw UsageError(.arity, "\(prefix) a maximum of \(high) argument(s)", command: spec.name)
        default:
            return
        }
    }

    private func helpTopic(_ name: String?) throws(UsageError) -> String? {
        guard let name else { return nil }
        guard command(named: name) != nil else { throw noHelpTopic(name) }
        return name
    }

    /// urfave/cli's text for an unknown command (runc logs it with the trailing newline).
    private func noHelpTopic(_ name: String) -> UsageError {
        UsageError(.unknownCommand, "No help topic for '\(name)'", command: nil)
    }
}
