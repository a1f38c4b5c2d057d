import RuntimeCore

/// `spec [--bundle d] [--rootless]`: writes a starter config.json (runc's default) into the bundle.
enum SpecCommand: Command {
    static let spec = CommandSpec(
        name: "spec", usage: "create a new specification file", argsUsage: "",
        description: """
            The spec command creates the new specification file named "config.json" for
            the bundle.
            """,
        flags: [
            FlagSpec(["bundle", "b"], .string, "path to the root of the bundle directory"),
            FlagSpec(["rootless"], .bool, "generate a configuration for a rootless container"),
        ],
        arity: .exactly(0))

    static func run(_ context: CommandContext) throws -> Int32 {
        throw RuntimeError.notImplemented(command: spec.name)
    }
}
