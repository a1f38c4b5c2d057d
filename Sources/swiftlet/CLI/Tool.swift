import RuntimeCore

/// The tool's grammar: global flags and every command, in runc's order, plus swiftlet's `check`.
enum Tool {
    static let name = "swiftlet"

    /// In the help's order (runc's); each is its command's `spec.name` (CLICommandTests asks each for its help).
    static let commandNames = [
        "create", "delete", "events", "exec", "kill", "list", "pause", "ps", "resume", "run", "spec", "start", "state",
        "update", "features", "check",
    ]

    /// Only the command asked for has its flag table built (its `spec`).
    static let grammar = CommandLineGrammar(
        toolName: name, globalFlags: GlobalOptions.flags, commandNames: commandNames, spec: { command(named: $0)?.spec })

    static func command(named name: String) -> (any Command.Type)? {
        switch name {
        case "create": CreateCommand.self
        case "delete": DeleteCommand.self
        case "events": EventsCommand.self
        case "exec": ExecCommand.self
        case "kill": KillCommand.self
        case "list": ListCommand.self
        case "pause": PauseCommand.self
        case "ps": PsCommand.self
        case "resume": ResumeCommand.self
        case "run": RunCommand.self
        case "spec": SpecCommand.self
        case "start": StartCommand.self
        case "state": StateCommand.self
        case "update": UpdateCommand.self
        case "features": FeaturesCommand.self
        case "check": CheckCommand.self
        default: nil
        }
    }

    /// runc's shape: `runc version 1.1.5`, `commit: …`, `spec: …`.
    static var versionText: String {
        "\(SwiftletVersion.version)\ncommit: \(SwiftletVersion.commit)\nspec: \(SwiftletVersion.spec)"
    }

    static let help = HelpFormatter(
        grammar: grammar,
        toolUsage: "Open Container Initiative runtime",
        toolDescription: """
            swiftlet is a command line client for running applications packaged according to
            the Open Container Initiative (OCI) format, a drop-in for runc written in Swift.

            Containers are configured using bundles. A bundle for a container is a directory
            that includes a specification file named "config.json" and a root filesystem.

            To start a new instance of a container:

                # swiftlet run [ -b bundle ] <container-id>
            """,
        versionText: versionText)
}
