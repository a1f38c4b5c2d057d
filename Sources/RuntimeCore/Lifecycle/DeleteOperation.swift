import LinuxSys
import OCISpec
import Cgroups

/// runtime.md "delete": removes what `create` made. A created container is killed first (as runc does); a
/// running or paused one only with --force. `delete --force` of an unknown id succeeds: containerd relies on it.
public enum DeleteOperation {
    public static func run(id: String, force: Bool, store: StateStore) throws(RuntimeError) {
        let lock: ContainerLock
        do { lock = try store.lock(id: id) } catch {
            if case .containerNotFound = error, force { return }
            throw error
        }
        let record: ContainerRecord
        do { record = try lock.read() } catch {
            // A state file that cannot be read: --force still removes the directory.
            if force { try lock.remove(); return }
            throw error
        }
        let live = LiveStatus.derive(record)
        let process = ContainerProcess(pid: record.pid, startTime: record.pidStartTime)
        switch live.status {
        case .stopped:
            // A crashed create reads as stopped while its init may live on: stop is a no-op for a dead or reused pid.
            stop(process)
        case .created:
            stop(process)
        case .creating, .running, .paused:
            guard force else {
                throw .invalidTransition(id: id, message: "cannot delete container \(id) that is not stopped: \(live.status.rawValue)")
            }
            stop(process)
        }
        try removeEverything(record, lock: lock)
    }

    /// `run`'s delete once it has reaped the init. The record its create returned is still right for this (only
    /// pause and resume rewrite state.json, and only the status), so state.json is not read back; someone else's
    /// delete meanwhile leaves nothing to do.
    static func runAfterExit(_ record: ContainerRecord, store: StateStore) throws(RuntimeError) {
        let lock: ContainerLock
        do { lock = try store.lock(id: record.id) } catch {
            if case .containerNotFound = error { return }
            throw error
        }
        try removeEverything(record, lock: lock)
    }

    /// The container's process is gone: what is left in its cgroups, the cgroups, the state directory, then poststop.
    private static func removeEverything(_ record: ContainerRecord, lock: consuming ContainerLock) throws(RuntimeError) {
        if let cgroups = ContainerCgroups.restore(record) {
            // Kills what is left (a process that escaped the pid namespace, or all of them without one), thaws a
            // frozen cgroup so the kill lands, then removes the directories create made.
            do { try cgroups.killAllAndDestroy() } catch { throw .invalidArgument("delete: cgroups: \(error)") }
        }
        FaultPoint.hit("delete.after-kill")
        try lock.remove()
        // runtime.md step 13: after the container is deleted; a failure is only a warning.
        LifecycleHooks.runWarningOnly(.poststop, of: LifecycleHooks.stored(in: record), state: HookState.json(record, status: .stopped, pid: nil))
    }

    /// SIGKILL, then wait (bounded) until it is gone; the pid namespace takes every other process with it.
    static func stop(_ process: ContainerProcess) {
        guard process.isAlive else { return }
        try? process.signal(Signal.SIGKILL.rawValue)
        process.waitForExit(timeoutMilliseconds: 10_000)
    }
}
