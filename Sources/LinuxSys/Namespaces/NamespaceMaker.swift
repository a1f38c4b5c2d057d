import CLinuxShim
import Glibc

/// A new namespace made on the side: a task that shares our memory and fd table unshares it while we go on,
/// and leaves an fd of it in our table (`finish`). What it is for: a network namespace costs ~0.5 ms to create
/// (mostly its sysctl tables), which inside the container's clone3 sits on the critical path of every create;
/// made this way it overlaps the runtime's own work and the init joins it with setns.
///
/// One at a time (the task's stack is static). Dropped unfinished, it still waits for the task and closes the fd,
/// so no namespace outlives it by accident.
public struct NamespaceMaker: ~Copyable {
    /// The side task's id (tests check it is reaped).
    let task: Int32

    /// Starts the task. `kind` is one of .network, .ipc, .uts.
    public static func start(_ kind: NamespaceKinds) throws(SystemError) -> NamespaceMaker {
        let task = cls_ns_maker_start(kind.rawValue)
        guard task > 0 else { throw SystemError(op: "clone (namespace maker)", errno: Errno(rawValue: -task)) }
        return NamespaceMaker(task: task)
    }

    private init(task: Int32) {
        self.task = task
    }

    /// Waits for the task; the namespace's fd (close-on-exec), which keeps it alive.
    public consuming func finish() throws(SystemError) -> FileDescriptor {
        let result = cls_ns_maker_finish(task)
        discard self
        guard result >= 0 else { throw SystemError(op: "unshare (namespace maker)", errno: Errno(rawValue: -result)) }
        return FileDescriptor(adopting: result)
    }

    deinit {
        let result = cls_ns_maker_finish(task)
        if result >= 0 { _ = Glibc.close(result) }
    }
}
