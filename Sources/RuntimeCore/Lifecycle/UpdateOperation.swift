import Cgroups
import OCISpec

/// `update`: new resource limits for a live container (runc's flags, or a LinuxResources JSON as docker sends).
public enum UpdateOperation {
    public static func run(id: String, resources: LinuxResources, store: StateStore) throws(RuntimeError) {
        let lock = try store.lock(id: id)
        let record = try lock.read()
        guard LiveStatus.derive(record).status != .stopped else { throw .containerNotRunning(id: id) }
        let cgroups = try PauseOperation.requireCgroups(record)
        do { try cgroups.update(resources) } catch { throw .invalidArgument("update: \(error)") }
    }
}
