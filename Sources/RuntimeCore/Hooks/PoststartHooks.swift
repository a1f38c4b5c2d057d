import OCISpec

/// poststart: after the user's program started, before `start` returns, in the runtime's namespaces. A failure is
/// an error that stops the container (runtime.md step 9; runc terminates it too).
enum PoststartHooks {
    static func run(record: ContainerRecord, process: ContainerProcess) throws(RuntimeError) {
        let hooks = LifecycleHooks.stored(in: record)
        guard !LifecycleHooks.isEmpty(hooks, [.poststart]) else { return }
        do {
            try LifecycleHooks.run(.poststart, of: hooks, state: HookState.json(record, status: .running, pid: record.pid))
        } catch {
            DeleteOperation.stop(process)
            throw .invalidArgument("container start failed: \(error)")
        }
    }
}
