import OCISpec
import LinuxSys
import Cgroups
import Seccomp
import Glibc

/// runc's `exec`: a new process in a `created` or `running` container — every namespace of its init, its
/// cgroups, the process' user, groups, capabilities, rlimits, NNP, cwd and env. Foreground: swiftlet forwards
/// signals and exits with the process' status (128+N for a signal); `--detach`: returns once it has exec'd.
public enum ExecOperation {
    public static func run(_ options: ExecOptions, store: StateStore) throws(RuntimeError) -> Int32 {
        let record = try store.read(id: options.id)
        try checkStatus(record, ignorePaused: options.ignorePaused)
        let spec = try containerSpec(record, needed: options.processPath == nil)
        let process = try ExecProcessBuilder.build(options, containerSpec: spec)
        try SecurityLabels.check(process)
        let mode = try ConsoleMode.choose(
            terminal: process.terminal ?? false, detach: options.detach, consoleSocket: options.consoleSocket)
        let cgroups = try ExecCgroups.target(record, subCgroups: options.cgroups)
        var plan = ExecPlan.make(process: process, spec: spec, record: record, preserveFds: options.preserveFds)
        // The container's filter applies to every process in it (runc compiles it again for each exec too).
        if let seccomp = spec.linux?.seccomp {
            do { plan.seccomp = try SeccompProgram.compile(seccomp) } catch { throw .invalidArgument(error.description) }
        }
        let setup = ExecSetup(plan: plan, initPid: record.pid, cgroups: cgroups, mode: mode, pidFile: options.pidFile)
        if options.detach {
            let started = try setup.start()
            if let master = started.master { close(master) }
            return 0
        }
        // Blocked before the fork, so no signal is lost; child 1 unblocks them for the process.
        let signals = try system("exec") { () throws(SystemError) -> FileDescriptor in
            _ = try SignalSet.all.block()
            return try FileDescriptor.signalDescriptor(for: SignalSet.all)
        }
        let started = try setup.start()
        let status: WaitStatus
        if let master = started.master {
            let proxy = TerminalProxy(master: FileDescriptor(adopting: master))
            status = ForegroundWait.wait(for: started.pid, signals: signals, proxy: proxy)
        } else {
            status = ForegroundWait.wait(for: started.pid, signals: signals)
        }
        return status.shellExitCode
    }

    /// runc's words: both `created` and `running` accept an exec.
    static func checkStatus(_ record: ContainerRecord, ignorePaused: Bool) throws(RuntimeError) {
        switch LiveStatus.derive(record).status {
        case .created, .running: return
        case .stopped: throw .invalidTransition(id: record.id, message: "cannot exec in a stopped container")
        case .creating: throw .invalidTransition(id: record.id, message: "cannot exec in a container that is still being created")
        case .paused:
            if ignorePaused { return }
            throw .invalidTransition(id: record.id, message: "cannot exec in a paused container (use --ignore-paused to override)")
        }
    }

    /// The container's config.json, from the bundle as runc does; the base of the process unless --process.
    private static func containerSpec(_ record: ContainerRecord, needed: Bool) throws(RuntimeError) -> Spec {
        do { return try SpecLoader.load(bundle: record.bundle).spec } catch {
            if needed { throw .invalidArgument("exec: loading the container's config.json: \(error)") }
            return Spec(ociVersion: record.ociVersion)
        }
    }
}
