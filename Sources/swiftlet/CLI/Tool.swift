import RuntimeCore

/// The tool's grammar: global flags and every command, in runc's order, plus swiftlet's `check`.
enum Tool {
    static let name = "swiftlet"

    static let commands: [any Command.Type] = [
        CreateCommand.self, DeleteCommand.self, EventsCommand.self, ExecCommand.self, KillCommand.self,
        ListCommand.self, PauseCommand.self, PsCommand.self, ResumeCommand.self, RunCommand.self, SpecCommand.self,
        StartCommand.self, StateCommand.self, UpdateCommand.self, FeaturesCommand.self, CheckCommand.self,
    ]

    static let grammar = CommandLineGrammar(
        toolName: name, globalFlags: GlobalOptions.flags, commands: commands.map { $0.spec })

    static func command(named name: String) -> (any Command.Type)? {
        commands.first { $0.spec.name == name }
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
