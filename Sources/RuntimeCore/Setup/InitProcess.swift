import LinuxSys
import Glibc

/// Child 2, the container's init: runs the setup stages, reports `ready`, waits for `start` on the exec fifo (or,
/// in `run`, on the sync socket), then execs the user's program. Never returns.
enum InitProcess {
    /// `awaitPidRecorded`: forked by child 1, which shares the socket (step 4'); a direct init speaks at once.
    static func run(context: SetupContext, awaitPidRecorded: Bool = true) -> Never {
        let channel = SyncChannel(fd: context.syncFD)
        do throws(SetupFailure) {
            if awaitPidRecorded { try channel.expect(.initPidRecorded, stage: "init") }
            try SetupPipeline.run(SetupPipeline.initStages, context)
            try handOver(channel, timings: context.stageTimings, keepChannel: context.plan.startsOnChannel)
        } catch {
            try? channel.send(.failed(error))
            Processes.exitImmediately(1)
        }
        waitForStartAndExec(context)
    }

    /// Steps 5–7 of the sync table: after them the parent may exit without taking the init with it.
    private static func handOver(_ channel: SyncChannel, timings: [StageTiming], keepChannel: Bool) throws(SetupFailure) {
        FaultPoint.hit("init.before-ready")
        do {
            if !timings.isEmpty { try channel.send(.stageTimings(timings)) }
            try channel.send(.ready)
        } catch {
            throw SetupFailure(stage: "init", detail: error.description)
        }
        try channel.expect(.stateCommitted, stage: "init")
        do {
            try ProcessControl.setParentDeathSignal(0)
            try channel.send(.detached)
        } catch {
            throw SetupFailure(stage: "init", detail: error.description)
        }
        if !keepChannel { close(channel.fd) }
    }

    /// `start`: opening the fifo for writing blocks until `start` opens it for reading. Through /proc/self/fd: the
    /// fd we hold is O_PATH, on a file outside our root. startContainer hooks then run (inside the container,
    /// `start` waiting) and the fifo carries their verdict. Returns whether the exec may go on.
    private static func startOnFifo(_ context: SetupContext) -> Bool {
        let fifo = open("/proc/self/fd/\(context.execFifoFD)", O_WRONLY | O_CLOEXEC)
        if fifo < 0 { return false }
        defer { close(fifo); close(context.execFifoFD) }
        return StartContainerHooks.run(context: context, fifo: fifo)
    }

    /// `run` (steps 8–9): `start` arrives on the sync socket, whose EOF means the parent died first; the verdict of
    /// the startContainer hooks goes back the same way. Returns whether the exec may go on.
    private static func startOnChannel(_ context: SetupContext) -> Bool {
        let channel = SyncChannel(fd: context.syncFD)
        defer { close(channel.fd) }
        do throws(SetupFailure) { try channel.expect(.start, stage: "start") } catch { return false }
        if let error = StartContainerHooks.runHooks(context) {
            try? channel.send(.failed(SetupFailure(stage: "startContainer hooks", detail: error)))
            return false
        }
        return (try? channel.send(.started)) != nil
    }

    /// A pid-namespace init only receives the signals it handles: without these, `kill <id> TERM` could not end
    /// a container that was created but not started. execve resets them to the default.
    private static func installCreatedStateHandlers() {
        let handler: SignalHandlers.Handler = { signal in _exit(128 + signal) }
        try? SignalHandlers.install(handler, for: [.SIGTERM, .SIGINT, .SIGHUP, .SIGQUIT, .SIGUSR1, .SIGUSR2])
    }

    private static func waitForStartAndExec(_ context: SetupContext) -> Never {
        installCreatedStateHandlers()
        let started = context.plan.startsOnChannel ? startOnChannel(context) : startOnFifo(context)
        if !started { _exit(1) }
        let process = context.plan.process
        if let cpus = process.cpuAffinityFinal, let set = CPUSet(list: cpus) { try? set.applyAffinity() }
        do {
            try Exec.execve(path: context.executablePath, args: process.args, env: context.environment)
        } catch {
            // Nobody listens any more: the program's stderr is the only place left to say it.
            let message = "swiftlet: exec \(context.executablePath): \(error.errno)\n"
            _ = message.withCString { write(2, $0, strlen($0)) }
            _exit(127)
        }
    }
}
