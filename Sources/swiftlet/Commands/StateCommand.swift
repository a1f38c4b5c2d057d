import RuntimeCore

/// `state <container-id>`: the OCI state as runc prints it. Reads without locking, so a hook may call it
/// while `create` holds the container.
enum StateCommand: Command {
    static let spec = CommandSpec(
        name: "state", usage: "output the state of a container", argsUsage: CommonFlags.idUsage,
        description: "The state command outputs current state information for the\ninstance of a container.",
        arity: .exactly(1))

    static func run(_ context: CommandContext) throws -> Int32 {
        let store = try StateStore(root: context.globals.root)
        let record = try store.read(id: context.containerID)
        Output.write(ContainerStateReport.stateText(record, live: LiveStatus.derive(record)))
        return 0
    }
}
