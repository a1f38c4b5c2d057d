import Cgroups
import OCISpec
import LinuxSys

/// `pause` / `resume` (runc's commands; not in runtime.md): freeze or thaw the container's cgroup.
public enum PauseOperation {
    public static func pause(id: String, store: StateStore) throws(RuntimeError) {
        let lock = try store.lock(id: id)
        var record = try lock.read()
        let status = LiveStatus.derive(record).status
        guard status == .running || status == .created else { throw .containerNotRunning(id: id) }
        let cgroups = try requireCgroups(record)
        do { try cgroups.freeze() } catch { throw .invalidArgument("pause: \(error)") }
        record.status = .paused
        try lock.write(record)
    }

    public static func resume(id: String, store: StateStore) throws(RuntimeError) {
        let lock = try store.lock(id: id)
        var record = try lock.read()
        guard LiveStatus.derive(record).status == .paused else { throw .containerNotPaused(id: id) }
        let cgroups = try requireCgroups(record)
        do { try cgroups.thaw() } catch { throw .invalidArgument("resume: \(error)") }
        // A container paused before `start` goes back to created: its init still waits on the exec fifo.
        record.status = StateStore.startedStatus(.created, directory: lock.directory)
        try lock.write(record)
    }

    static func requireCgroups(_ record: ContainerRecord) throws(RuntimeError) -> CgroupSet {
        guard let cgroups = ContainerCgroups.restore(record) else {
            throw .invalidArgument("container \(record.id) has no cgroups")
        }
        return cgroups
    }
}
