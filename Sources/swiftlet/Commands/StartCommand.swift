import RuntimeCore

/// `start <container-id>`: runs the user process of a created container.
enum StartCommand: Command {
    static let spec = CommandSpec(
        name: "start", usage: "executes the user defined process in a created container",
        argsUsage: CommonFlags.newIDUsage,
        description: "The start command executes the user defined process in a created container.",
        arity: .exactly(1))

    static func run(_ context: CommandContext) throws -> Int32 {
        let store = try StateStore(root: context.globals.root)
        try StartOperation.run(id: context.containerID, store: store)
        return 0
    }
}
