import RuntimeCore

/// `kill [--all] <container-id> [signal]`: signals the init process (default SIGTERM).
enum KillCommand: Command {
    static let spec = CommandSpec(
        name: "kill", usage: "kill sends the specified signal (default: SIGTERM) to the container's init process",
        argsUsage: """
            <container-id> [signal]

            Where "<container-id>" is the name for the instance of the container and
            "[signal]" is the signal to be sent to the init process.
            """,
        flags: [FlagSpec(["all", "a"], .bool, "send the specified signal to all processes inside the container")],
        arity: .between(1, 2))

    static func run(_ context: CommandContext) throws -> Int32 {
        throw RuntimeError.notImplemented(command: spec.name)
    }
}
