import RuntimeCore

/// `ps [--format table|json] <container-id> [ps options]`: the container's processes.
enum PsCommand: Command {
    static let spec = CommandSpec(
        name: "ps", usage: "ps displays the processes running inside a container",
        argsUsage: "<container-id> [ps options]",
        flags: [CommonFlags.format], arity: .atLeast(1), reordersFlags: false)

    static func run(_ context: CommandContext) throws -> Int32 {
        throw RuntimeError.notImplemented(command: spec.name)
    }
}
