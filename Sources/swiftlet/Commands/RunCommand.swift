import RuntimeCore

/// `run [options] <container-id>`: create + start, waiting for the container unless detached.
enum RunCommand: Command {
    static let spec = CommandSpec(
        name: "run", usage: "create and run a container", argsUsage: CommonFlags.newIDUsage,
        description: """
            The run command creates an instance of a container for a bundle. The bundle
            is a directory with a specification file named "config.json" and a root
            filesystem.
            """,
        flags: [
            CommonFlags.bundle, CommonFlags.consoleSocket, CommonFlags.pidfdSocket, CommonFlags.detach,
            FlagSpec(["keep"], .bool, "do not delete the container after it exits"),
            CommonFlags.pidFile,
            FlagSpec(["no-subreaper"], .bool, "disable the use of the subreaper used to reap reparented processes"),
            CommonFlags.noPivot, CommonFlags.noNewKeyring, CommonFlags.preserveFDs,
        ],
        arity: .exactly(1))

    static func run(_ context: CommandContext) throws -> Int32 {
        let store = try StateStore(root: context.globals.root)
        return try RunOperation.run(
            context.createOptions(), detach: context.flags.bool("detach"), keep: context.flags.bool("keep"),
            noSubreaper: context.flags.bool("no-subreaper"), store: store)
    }
}
