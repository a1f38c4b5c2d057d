import Cgroups
import OCISpec

/// `ps`: the pids in the container's cgroup.
public enum ProcessListOperation {
    public static func pids(id: String, store: StateStore) throws(RuntimeError) -> [Int32] {
        let record = try store.read(id: id)
        guard LiveStatus.derive(record).status != .stopped else { throw .containerNotRunning(id: id) }
        let cgroups = try PauseOperation.requireCgroups(record)
        do { return try cgroups.processes().sorted() } catch { throw .invalidArgument("ps: \(error)") }
    }
}
