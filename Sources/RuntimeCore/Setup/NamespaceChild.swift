import LinuxSys
import Glibc

/// Child 1: joins and unshares the namespaces, then forks the container init with CLONE_PARENT (so the init
/// is the `create`/`run` process's own child, reapable by `run`) and exits. Never returns.
enum NamespaceChild {
    /// `inheritedFDs`: the parent's fds this process must not keep (the state lock — flock belongs to the open file,
    /// which a forked copy would keep locked — and the parent's end of the socketpair, whose copy would hide EOF).
    static func run(plan: SetupPlan, syncFD: Int32, execFifoFD: Int32, parentPid: Int32, inheritedFDs: [Int32]) -> Never {
        for fd in inheritedFDs { close(fd) }
        let channel = SyncChannel(fd: syncFD)
        let context = SetupContext(plan: plan, syncFD: syncFD, execFifoFD: execFifoFD)
        do throws(SetupFailure) {
            try runNamespaceStages(context, channel: channel, parentPid: parentPid)
            let pid = try forkInit(context: context)
            try send(channel, .initForked(pid: pid))
            Processes.exitImmediately(0)
        } catch {
            try? channel.send(.failed(error))
            Processes.exitImmediately(1)
        }
    }

    /// Child 1's work before its fork, which a direct init (DirectInit) does first too: guarded (`parentPid` nil in a
    /// new pid namespace), in its cgroups once `proceed` comes, then the namespace stages.
    static func runNamespaceStages(_ context: SetupContext, channel: SyncChannel, parentPid: Int32?) throws(SetupFailure) {
        try ForkedChildGuard.engage(parentPid: parentPid, stage: "init")
        try channel.expect(.proceed, stage: "init")
        FaultPoint.hit("child.before-unshare")
        try SetupPipeline.run(SetupPipeline.namespaceStages, context)
    }

    /// The init it forks waits for `initPidRecorded` before it says anything (SyncMessage's table, step 4'): it
    /// shares the socket with this process, so otherwise its `ready` could overtake our `initForked`.
    private static func forkInit(context: SetupContext) throws(SetupFailure) -> Int32 {
        let result: ForkResult
        do { result = try Processes.clone(namespaces: [], flags: .parent) } catch {
            throw SetupFailure(stage: "init", detail: error.description)
        }
        switch result {
        case .child: InitProcess.run(context: context)
        case .parent(let pid): return pid
        }
    }

    private static func send(_ channel: SyncChannel, _ message: SyncMessage) throws(SetupFailure) {
        do { try channel.send(message) } catch { throw SetupFailure(stage: "init", detail: error.description) }
    }
}
