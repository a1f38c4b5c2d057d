import LinuxSys
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
        let store = try StateStore(root: context.globals.root)
        let name = context.arguments.count > 1 ? context.arguments[1] : "SIGTERM"
        guard let signal = Signal.parse(name) else { throw RuntimeError.invalidArgument("unknown signal \"\(name)\"") }
        try KillOperation.run(id: context.containerID, signal: signal.rawValue, all: context.flags.bool("all"), store: store)
        return 0
    }
}
