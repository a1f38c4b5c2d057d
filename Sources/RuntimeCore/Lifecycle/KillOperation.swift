import LinuxSys
import OCISpec

/// runtime.md "kill": a signal to the container's process (`--all`: to every process of the container).
public enum KillOperation {
    public static func run(id: String, signal: Int32, all: Bool, store: StateStore) throws(RuntimeError) {
        let record = try store.read(id: id)
        let live = LiveStatus.derive(record)
        guard live.status != .stopped else { throw .containerNotRunning(id: id) }
        let process = ContainerProcess(pid: record.pid, startTime: record.pidStartTime)
        if all, let cgroups = ContainerCgroups.restore(record) {
            do { try cgroups.signalAll(signal) } catch { throw .invalidArgument("kill: cgroups: \(error)") }
            return
        }
        if all {
            let hostNamespace = try? FileSystem.readSymbolicLink("/proc/self/ns/pid")
            for pid in process.processesInPidNamespace(hostPidNamespace: hostNamespace) where pid != record.pid {
                _ = try? Processes.kill(pid: pid, signal: signal)
            }
        }
        do { try process.signal(signal) } catch where error.errno == .ESRCH {
            throw .containerNotRunning(id: id)
        } catch {
            throw .system(stage: "kill", error)
        }
    }
}
