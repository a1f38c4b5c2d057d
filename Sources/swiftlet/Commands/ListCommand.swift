import RuntimeCore

/// `list [--format table|json] [--quiet]`: every container under `--root`, without locking.
enum ListCommand: Command {
    static let spec = CommandSpec(
        name: "list", usage: "lists containers started by swiftlet with the given root",
        argsUsage: """


            Where the given root is specified via the global option "--root"
            (default: "\(GlobalOptions.defaultRoot)").
            """,
        flags: [CommonFlags.format, FlagSpec(["quiet", "q"], .bool, "display only container IDs")],
        arity: .exactly(0))

    static func run(_ context: CommandContext) throws -> Int32 {
        let format = context.flags.string("format") ?? "table"
        let quiet = context.flags.bool("quiet")
        // runc checks the format only after listing; checking first costs nothing and reads better.
        guard quiet || format == "table" || format == "json" else {
            throw RuntimeError.invalidArgument("invalid format option")
        }
        let store = try StateStore(root: context.globals.root)
        let rows = try store.list().map { container in
            ContainerListFormatter.Row(container: container, live: LiveStatus.derive(container.summary))
        }
        if quiet {
            Output.write(ContainerListFormatter.quiet(rows))
        } else if format == "json" {
            Output.write(ContainerListFormatter.json(rows))
        } else {
            Output.write(ContainerListFormatter.table(rows))
        }
        return 0
    }
}
