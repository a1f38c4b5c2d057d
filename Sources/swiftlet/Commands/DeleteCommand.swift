import RuntimeCore

/// `delete [--force] <container-id>`: releases everything a stopped (or, forced, running) container holds.
enum DeleteCommand: Command {
    static let spec = CommandSpec(
        name: "delete", usage: "delete any resources held by the container often used with detached container",
        argsUsage: CommonFlags.idUsage,
        flags: [FlagSpec(["force", "f"], .bool, "Forcibly deletes the container if it is still running (uses SIGKILL)")],
        arity: .exactly(1))

    static func run(_ context: CommandContext) throws -> Int32 {
        let store = try StateStore(root: context.globals.root)
        try DeleteOperation.run(id: context.containerID, force: context.flags.bool("force"), store: store)
        return 0
    }
}
