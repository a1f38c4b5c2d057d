import LinuxSys

/// process.args[0] looked up with the container's PATH, as the container's user, before `create` returns:
/// a missing program is a create error (engines map "executable file not found in $PATH" to exit 127).
struct ExecutableLookupStage: SetupStage {
    let name = "exec"

    func run(_ context: SetupContext) throws(SetupFailure) {
        let process = context.plan.process
        guard let program = process.args.first else { throw fail("process.args", "must not be empty") }
        do {
            context.executablePath = try ExecutableLookup.lookPath(program, path: process.searchPath)
        } catch {
            throw fail("process.args[0]", error.description)
        }
    }
}
