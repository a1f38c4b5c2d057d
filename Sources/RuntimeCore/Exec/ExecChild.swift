import LinuxSys
import Glibc

/// `exec`'s two processes. Child 1 enters the container's namespaces and forks child 2 with CLONE_PARENT (so
/// `exec` can wait for it) inside the container's pid namespace; child 2 sets the process up and execs it.
enum ExecChild {
    /// Child 1. `inheritedFDs`: the parent's fds this process must not keep (its end of the socketpair).
    static func run(plan: SetupPlan, initPid: Int32, syncFD: Int32, parentPid: Int32, inheritedFDs: [Int32]) -> Never {
        for fd in inheritedFDs { close(fd) }
        let channel = SyncChannel(fd: syncFD)
        let context = SetupContext(plan: plan, syncFD: syncFD, execFifoFD: -1)
        do throws(SetupFailure) {
            try ForkedChildGuard.engage(parentPid: parentPid, stage: "exec")
            try channel.expect(.proceed, stage: "exec")
            for stage in ExecPipeline.namespaceStages(initPid: initPid) { try stage.run(context) }
            let result: ForkResult
            do { result = try Processes.clone(namespaces: [], flags: .parent) } catch {
                throw SetupFailure(stage: "exec", detail: error.description)
            }
            guard case .parent(let pid) = result else { runProcess(context: context, parentPid: parentPid) }
            do { try channel.send(.initForked(pid: pid)) } catch { throw SetupFailure(stage: "exec", detail: error.description) }
            Processes.exitImmediately(0)
        } catch {
            try? channel.send(.failed(error))
            Processes.exitImmediately(1)
        }
    }

    /// Child 2. The parent-death signal is cleared at the last moment: a detached process must outlive `exec`.
    private static func runProcess(context: SetupContext, parentPid: Int32) -> Never {
        let channel = SyncChannel(fd: context.syncFD)
        do throws(SetupFailure) {
            for stage in ExecPipeline.processStages { try stage.run(context) }
            do { try ProcessControl.setParentDeathSignal(0) } catch { throw SetupFailure(stage: "exec", detail: error.description) }
            // In the container's pid namespace our parent (outside it) reads as 0; anything else is a new parent.
            let parent = Processes.parentID
            if parent != 0 && parent != parentPid { Processes.exitImmediately(1) }
            let process = context.plan.process
            if let cpus = process.cpuAffinityFinal, let set = CPUSet(list: cpus) { try? set.applyAffinity() }
            do { try Exec.execve(path: context.executablePath, args: process.args, env: context.environment) } catch {
                throw SetupFailure(stage: "exec", detail: error.description)
            }
        } catch {
            try? channel.send(.failed(error))
            Processes.exitImmediately(1)
        }
    }
}
