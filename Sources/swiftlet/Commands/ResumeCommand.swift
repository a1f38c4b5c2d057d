import RuntimeCore

/// `resume <container-id>`: thaws a paused container.
enum ResumeCommand: Command {
    static let spec = CommandSpec(
        name: "resume", usage: "resumes all processes that have been previously paused",
        argsUsage: """
            <container-id>

            Where "<container-id>" is the name for the instance of the container to be
            resumed.
            """,
        description: "The resume command resumes all processes in the instance of the container.",
        arity: .exactly(1))

    static func run(_ context: CommandContext) throws -> Int32 {
        try PauseOperation.resume(id: context.containerID, store: try StateStore(root: context.globals.root))
        return 0
    }
}
