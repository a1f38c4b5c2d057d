import LinuxSys
import OCISpec
import Glibc

/// runtime.md "start": runs the user's program of a `created` container. The init is blocked opening the exec
/// fifo for writing; opening it for reading lets it go on, and the byte it writes says it is about to exec.
public enum StartOperation {
    public static func run(id: String, store: StateStore) throws(RuntimeError) {
        let lock = try store.lock(id: id)
        let record = try lock.read()
        let live = LiveStatus.derive(record)
        switch live.status {
        case .created: break
        case .stopped: throw .invalidTransition(id: id, message: "cannot start a container that has stopped")
        case .running: throw .invalidTransition(id: id, message: "cannot start an already running container")
        case .paused: throw .invalidTransition(id: id, message: "cannot start a paused container")
        case .creating: throw .invalidTransition(id: id, message: "cannot start a container that is still being created")
        }
        let process = ContainerProcess(pid: record.pid, startTime: record.pidStartTime)
        let fifoPath = lock.directory + "/" + CreateOperation.execFifoName
        FaultPoint.hit("start.before-fifo-open")
        let fifo = try system("start") { () throws(SystemError) in
            try FileDescriptor.open(fifoPath, O_RDONLY | O_NONBLOCK)
        }
        var entry = pollfd(fd: fifo.rawValue, events: Int16(POLLIN), revents: 0)
        while poll(&entry, 1, 100) == 0 {
            if !process.isAlive { throw .invalidTransition(id: id, message: "cannot start a container that has stopped") }
            // A start killed after the init's byte left a fifo nobody writes to again: without this, a hang.
            if hasExecuted(process.pid) {
                try? FileSystem.remove(fifoPath)
                throw .invalidTransition(id: id, message: "cannot start an already running container")
            }
        }
        let byte = (try? fifo.read(upTo: 4096)) ?? []
        if byte.isEmpty { throw .invalidTransition(id: id, message: "cannot start a container that has stopped") }
        if let hookError = StartContainerHooks.failureMessage(in: byte) {
            DeleteOperation.stop(process)
            throw .invalidArgument("container start failed: \(hookError)")
        }
        FaultPoint.hit("start.after-fifo-read")
        // No state.json rewrite: without the fifo, `created` reads as running (StateStore.startedStatus).
        try? FileSystem.remove(fifoPath)
        try PoststartHooks.run(record: record, process: process)
    }

    /// `run`'s start, right after its create (CreateOperation's `startOnChannel`): the init waits on the sync socket
    /// (SyncMessage steps 8–9), so there is no fifo to open and no state to read back: `created` is what create left.
    static func run(created container: CreatedContainer) throws(RuntimeError) {
        guard let fd = container.startChannel else { throw .invalidArgument("start: the container was not created by run") }
        defer { close(fd) }
        let channel = SyncChannel(fd: fd)
        let process = ContainerProcess(pid: container.pid, startTime: container.record.pidStartTime)
        let reply: SyncMessage?
        do {
            try channel.send(.start)
            reply = try channel.receive()
        } catch {
            throw .invalidTransition(id: container.id, message: "cannot start a container that has stopped (\(error))")
        }
        switch reply {
        case .started?: break
        case .failed(let failure)?:
            DeleteOperation.stop(process)
            throw .invalidArgument("container start failed: \(failure.detail)")
        case nil: throw .invalidTransition(id: container.id, message: "cannot start a container that has stopped")
        case let other?: throw .invalidArgument("container start failed: unexpected sync message \(other)")
        }
        try PoststartHooks.run(record: container.record, process: process)
    }

    /// The init is the swiftlet image until it execs the user's program (root may stat a non-dumpable /proc/<pid>/exe).
    private static func hasExecuted(_ pid: Int32) -> Bool {
        guard let initImage = try? FileSystem.status("/proc/\(pid)/exe"),
              let ownImage = try? FileSystem.status("/proc/self/exe") else { return false }
        return initImage.device != ownImage.device || initImage.inode != ownImage.inode
    }
}
