import RuntimeCore

/// `events [--interval d] [--stats] <container-id>`: OOM notifications and resource statistics.
enum EventsCommand: Command {
    static let spec = CommandSpec(
        name: "events",
        usage: "display container events such as OOM notifications, cpu, memory, and IO usage statistics",
        argsUsage: CommonFlags.idUsage,
        description: """
            The events command displays information about the container. By default the
            information is displayed once every 5 seconds.
            """,
        flags: [
            FlagSpec(["interval"], .string, "set the stats collection interval", default: "5s"),
            FlagSpec(["stats"], .bool, "display the container's stats then exit"),
        ],
        arity: .exactly(1))

    static func run(_ context: CommandContext) throws -> Int32 {
        let store = try StateStore(root: context.globals.root)
        let intervalText = context.flags.string("interval") ?? "5s"
        guard let interval = EventsOperation.parseInterval(intervalText) else {
            throw RuntimeError.invalidArgument("duration must be greater than 0")
        }
        try EventsOperation.run(
            id: context.containerID, intervalMilliseconds: interval, statsOnce: context.flags.bool("stats"),
            store: store, emit: { Output.write($0 + "\n") })
        return 0
    }
}
