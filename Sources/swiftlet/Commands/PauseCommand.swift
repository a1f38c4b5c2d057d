import RuntimeCore

/// `pause <container-id>`: freezes every process of the container.
enum PauseCommand: Command {
    static let spec = CommandSpec(
        name: "pause", usage: "pause suspends all processes inside the container",
        argsUsage: """
            <container-id>

            Where "<container-id>" is the name for the instance of the container to be
            paused.
            """,
        description: "The pause command suspends all processes in the instance of the container.",
        arity: .exactly(1))

    static func run(_ context: CommandContext) throws -> Int32 {
        try PauseOperation.pause(id: context.containerID, store: try StateStore(root: context.globals.root))
        return 0
    }
}
