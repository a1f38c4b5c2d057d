import RuntimeCore

/// `ps [--format table|json] <container-id> [ps options]`: the container's processes.
enum PsCommand: Command {
    static let spec = CommandSpec(
        name: "ps", usage: "ps displays the processes running inside a container",
        argsUsage: "<container-id> [ps options]",
        flags: [CommonFlags.format], arity: .atLeast(1), reordersFlags: false)

    static func run(_ context: CommandContext) throws -> Int32 {
        let store = try StateStore(root: context.globals.root)
        let pids = try ProcessListOperation.pids(id: context.containerID, store: store)
        let format = context.flags.string("format") ?? "table"
        switch format {
        case "json":
            Output.write("[" + pids.map(String.init).joined(separator: ",") + "]\n")
        case "table":
            Output.write(try ProcessTable.render(pids: pids, psArguments: Array(context.arguments.dropFirst())))
        default:
            throw RuntimeError.invalidArgument("invalid format option")
        }
        return 0
    }
}
