import RuntimeCore

/// `create [options] <container-id>`: sets the container up and waits before the user process.
enum CreateCommand: Command {
    static let spec = CommandSpec(
        name: "create", usage: "create a container", argsUsage: CommonFlags.newIDUsage,
        description: """
            The create command creates an instance of a container for a bundle. The bundle
            is a directory with a specification file named "config.json" and a root
            filesystem.
            """,
        flags: [
            CommonFlags.bundle, CommonFlags.consoleSocket, CommonFlags.pidfdSocket, CommonFlags.pidFile,
            CommonFlags.noPivot, CommonFlags.noNewKeyring, CommonFlags.preserveFDs,
        ],
        arity: .exactly(1))

    static func run(_ context: CommandContext) throws -> Int32 {
        let store = try StateStore(root: context.globals.root)
        _ = try CreateOperation.run(context.createOptions(), store: store)
        return 0
    }
}
