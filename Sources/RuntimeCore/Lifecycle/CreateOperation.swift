import OCISpec
import LinuxSys
import Cgroups
import Seccomp
import Glibc

/// The container the `create` operation left waiting for `start`.
public struct CreatedContainer: Sendable {
    public let id: String
    public let pid: Int32
    /// Foreground `run` with process.terminal: the pty master to relay (owned by the caller).
    public var consoleMaster: Int32? = nil
    /// `run` (`startOnChannel`): the sync socket the init waits on for `start` (owned by the caller).
    var startChannel: Int32? = nil
    /// What state.json says now.
    var record: ContainerRecord
}

/// runtime.md "create": the whole setup is done and the container's process waits for `start`.
/// Every failure removes what was made (state directory, fifo, processes) before it is reported.
public enum CreateOperation {
    /// `foreground`: `run` without --detach, which relays a terminal itself instead of needing --console-socket.
    /// `startOnChannel`: `run`, which starts the container at once: no exec fifo, the init waits for `start` on the
    /// sync socket (StartOperation.run(created:)), saving the fifo's file and a state.json re-read.
    public static func run(
        _ options: CreateOptions, store: StateStore, foreground: Bool = false, startOnChannel: Bool = false
    ) throws(RuntimeError) -> CreatedContainer {
        if ContainerID.validate(options.id) != nil { throw .invalidContainerID(id: options.id) }
        var options = options
        options.bundle = absolutePath(options.bundle)
        let spec: Spec
        do {
            let loaded = try SpecLoader.load(bundle: options.bundle)
            for warning in loaded.warnings { Log.warning("config.json: \(warning)") }
            spec = loaded.spec
        } catch {
            throw .invalidArgument(error.description)
        }
        // Started as soon as the namespaces are known, so that it overlaps everything below until the clone.
        let earlyNetwork = EarlyNetworkNamespace(for: spec.linux)
        var plan: SetupPlan
        do { plan = try SetupPlanBuilder.build(spec: spec, options: options) } catch { throw .invalidArgument(error.description) }
        if let seccomp = spec.linux?.seccomp {
            // Compiled filters are cached under the state root (root-only), keyed by the whole filter config:
            // libseccomp needs milliseconds for a docker-like profile, a cache hit is one small file read.
            let cache = SeccompProgramCache(directory: store.root + "/" + seccompCacheName)
            do { plan.seccomp = try cache.program(for: seccomp) } catch { throw .invalidArgument(error.description) }
            if let skipped = plan.seccomp?.skippedSyscalls, !skipped.isEmpty {
                Log.debug("linux.seccomp: syscalls unknown to libseccomp, skipped as runc does: \(skipped.joined(separator: ", "))")
            }
        }
        var console = try ConsoleEndpoint(
            terminal: spec.process?.terminal ?? false, foreground: foreground, consoleSocket: options.consoleSocket)
        defer { console.close() }
        var (cgroups, layout) = try ContainerCgroups.plan(spec: spec, id: options.id)
        plan.cgroupMounts = ContainerCgroups.mountPlans(spec: spec, set: cgroups, layout: layout)
        plan.startsOnChannel = startOnChannel

        let me = getpid()
        var record = ContainerRecord(
            ociVersion: spec.ociVersion, id: options.id, bundle: options.bundle, rootfs: plan.rootfs,
            annotations: spec.annotations, creatorPid: me,
            creatorStartTime: (try? ProcStat.read(pid: me).startTime) ?? 0)
        // Recorded before anything exists, so a crashed create's cgroups can be found and removed by delete.
        ContainerCgroups.recordPlanned(cgroups, into: &record)
        LifecycleHooks.store(spec.hooks, in: &record)
        let lock = try store.claim(record)
        FaultPoint.hit("create.after-claim")
        let outcome: Result<(pid: Int32, startChannel: Int32?), RuntimeError>
        do {
            outcome = .success(try spawn(plan: plan, options: options, cgroups: &cgroups, lock: lock, record: &record,
                                         console: &console, earlyNetwork: consume earlyNetwork))
        } catch {
            try? cgroups.killAllAndDestroy()
            outcome = .failure(error)
        }
        switch outcome {
        case .success(let (pid, startChannel)):
            lock.unlock()
            return CreatedContainer(id: options.id, pid: pid, consoleMaster: console.takeMaster(), startChannel: startChannel,
                                    record: record)
        case .failure(let error):
            try? lock.remove()
            throw error
        }
    }

    /// Forks the namespace child and drives the sync protocol (SyncMessage's table) until the init is handed over.
    /// Returns the init's pid and, with plan.startsOnChannel, the socket it waits on for `start`.
    private static func spawn(
        plan: SetupPlan, options: CreateOptions, cgroups: inout CgroupSet, lock: borrowing ContainerLock,
        record: inout ContainerRecord, console: inout ConsoleEndpoint, earlyNetwork: consuming EarlyNetworkNamespace
    ) throws(RuntimeError) -> (pid: Int32, startChannel: Int32?) {
        let fifoPath = lock.directory + "/" + execFifoName
        let ends = try system("create") { () throws(SystemError) in try SyncChannel.pair() }
        let parentEnd = FileDescriptor(adopting: ends.parent)
        let childEnd = FileDescriptor(adopting: ends.child)
        // Raw, closed by hand in the parent only: a forked child keeps it (a Swift owner could close it there).
        let fifo: Int32 = plan.startsOnChannel ? -1 : try system("exec fifo") { () throws(SystemError) in
            try makeExecFifo(fifoPath, plan: plan).release()
        }
        defer { if fifo >= 0 { close(fifo) } }
        FaultPoint.hit("create.after-fifo")
        // The cgroups exist (limits applied to an empty cgroup) before the namespace child does, so that it can be
        // born in its cgroup2 directory; the caller removes them if anything below fails.
        try ContainerCgroups.prepare(&cgroups, resources: plan.spec.linux?.resources)
        // Persisted with the init's pid below, not here: until then the planned directories recorded at the claim
        // (a superset) let delete clean up, and each state write costs a block free (a synchronous discard on
        // ext4 -o discard, 0.3 ms in bench (a)).
        ContainerCgroups.record(cgroups, into: &record)
        let parentPid = getpid()
        var plan = plan
        let madeNetwork = earlyNetwork.release()
        plan.namespaces.madeNetworkFD = madeNetwork
        // The parent's copy; the init joins its own (and the init never returns here).
        defer { if let madeNetwork { close(madeNetwork) } }
        let direct = DirectInit.isPossible(plan.namespaces)
        let namespaces = direct ? DirectInit.cloneNamespaces(plan.namespaces) : []
        let (child, clonedIntoUnified) = try cloneNamespaceChild(into: cgroups, namespaces: namespaces)
        guard case .parent(let namespaceChild) = child else {
            let inherited = [lock.directoryFD, parentEnd.rawValue]
            if direct {
                DirectInit.run(plan: plan, syncFD: childEnd.rawValue, execFifoFD: fifo, inheritedFDs: inherited)
            }
            NamespaceChild.run(
                plan: plan, syncFD: childEnd.rawValue, execFifoFD: fifo, parentPid: parentPid,
                inheritedFDs: inherited)
        }
        FaultPoint.hit("create.after-clone")
        try? childEnd.close()
        // The namespace child waits for `proceed`: it (and so the init it forks) is in its cgroups before it
        // unshares the cgroup namespace and before anything of the container runs.
        do {
            try ContainerCgroups.join(cgroups, pid: namespaceChild, clonedIntoUnified: clonedIntoUnified)
        } catch {
            kill(namespaceChild, SIGKILL)
            _ = try? Processes.wait(pid: namespaceChild)
            throw error
        }
        let channel = SyncChannel(fd: parentEnd.rawValue)
        var initPid: Int32 = 0
        var namespaceChildReaped = false
        // The init's pid: recorded, then the init may speak (step 4'); child 1's exit is reaped meanwhile.
        func recordInit(_ pid: Int32) throws(SetupFailure) {
            initPid = pid
            // A direct init shares the socket with nobody, so it needs no go-ahead; and a packet it would not read
            // before failing turns its `failed` into ECONNRESET here.
            if !direct {
                try send(channel, .initPidRecorded)
                _ = try? Processes.wait(pid: namespaceChild)
            }
            namespaceChildReaped = true
            record.pid = pid
            record.pidStartTime = (try? ProcStat.read(pid: pid).startTime) ?? 0
            // Hooks that run before `ready` may ask `swiftlet state` for the pid; otherwise the `created` write
            // below is the first state.json (each write costs ~50 µs on ext4). Until then a crash is cleaned up
            // from the claim (cgroups; the init dies with us: pdeathsig).
            if plan.hasHooksBeforeReady {
                do { try lock.write(record) } catch { throw SetupFailure(stage: "state", detail: error.description) }
            }
        }
        do throws(SetupFailure) {
            try send(channel, .proceed)
            if direct { try recordInit(namespaceChild) }
            protocolLoop: while true {
                let message: SyncMessage?
                do { message = try channel.receive() } catch { throw SetupFailure(stage: "init", detail: error.description) }
                switch message {
                case .userNamespaceCreated?:
                    try writeIDMappings(pid: namespaceChild, plan: plan)
                    try send(channel, .idMappingsWritten)
                case .initForked(let pid)?:
                    // The init may go on as soon as we know its pid (nothing it sends can be handled before this
                    // case ends): reaping child 1 and the state write then overlap its setup instead of delaying it
                    // (~0.7 ms of bench (a)).
                    try recordInit(pid)
                case .seccompListener(let fd)?:
                    try forwardSeccompListener(fd: fd, initPid: initPid, plan: plan, record: record)
                    try send(channel, .seccompListenerSent)
                case .createRuntimeHooks?:
                    try CreateHooksStage.runInParent(plan: plan, initPid: initPid)
                    try send(channel, .createRuntimeHooksDone)
                case .consoleReady?:
                    do { try console.receiveMaster(syncFD: parentEnd.rawValue) } catch {
                        throw SetupFailure(stage: "console", detail: error.description)
                    }
                case .stageTimings(let timings)?:
                    StageTiming.report(timings)
                case .ready?:
                    break protocolLoop
                case .failed(let failure)?:
                    throw failure
                case nil:
                    throw SetupFailure(stage: "init", detail: "the container's init exited before it was ready")
                case let other?:
                    throw SetupFailure(stage: "init", detail: "unexpected sync message \(other)")
                }
            }
            FaultPoint.hit("create.after-ready")
            record.status = .created
            do {
                try lock.write(record)
                if let pidFile = options.pidFile { try PidFile.write(initPid, to: pidFile) }
            } catch {
                throw SetupFailure(stage: "state", detail: String(describing: error))
            }
            try send(channel, .stateCommitted)
            try channel.expect(.detached, stage: "init")
        } catch {
            if initPid > 0 {
                kill(initPid, SIGKILL)
                _ = try? Processes.wait(pid: initPid)
            }
            if !namespaceChildReaped {
                kill(namespaceChild, SIGKILL)
                _ = try? Processes.wait(pid: namespaceChild)
            }
            throw .invalidArgument("container create failed: \(error)")
        }
        return (initPid, plan.startsOnChannel ? parentEnd.release() : nil)
    }

    /// clone3 with CLONE_INTO_CGROUP where there is a cgroup2 directory: moving a process by a cgroup.procs write
    /// waits for an RCU grace period (15 ms seen under load, the largest single wait of a `run`); being born there
    /// does not. Any failure falls back to a plain fork and the write (kernels before 5.7, odd cgroup2 setups), so
    /// an error still names cgroup.procs and the directory. Returns whether the child is in the cgroup2 directory.
    private static func cloneNamespaceChild(
        into cgroups: CgroupSet, namespaces: NamespaceKinds
    ) throws(RuntimeError) -> (ForkResult, Bool) {
        if let unified = cgroups.unifiedPath {
            let directory = open(unified, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if directory >= 0 {
                defer { close(directory) }
                do {
                    guard let cloned = try Processes.clone3(namespaces: namespaces, cgroup: directory) else { return (.child, true) }
                    return (.parent(pid: cloned.pid), true)
                } catch {
                    Log.debug("clone3 into \(unified): \(error); falling back to clone and cgroup.procs")
                }
            }
        }
        let child = try system("clone") { () throws(SystemError) in try Processes.clone(namespaces: namespaces, flags: []) }
        return (child, false)
    }

    static let execFifoName = "exec.fifo"
    /// Not a container: `list` skips directories without a state.json.
    static let seccompCacheName = ".seccomp-cache"

    /// config-linux.md "Seccomp": the listener fd, with the container process state, to linux.seccomp.listenerPath.
    private static func forwardSeccompListener(fd: Int32, initPid: Int32, plan: SetupPlan, record: ContainerRecord) throws(SetupFailure) {
        guard let seccomp = plan.spec.linux?.seccomp, let listenerPath = seccomp.listenerPath else {
            throw SetupFailure(stage: "seccomp", configPath: "linux.seccomp.listenerPath", detail: "a notify filter needs a listenerPath")
        }
        do {
            let pidfd = try Processes.pidfdOpen(pid: initPid)
            let listener = try SeccompListener.takeListener(fromProcess: pidfd.rawValue, fd: fd)
            let state = State(ociVersion: record.ociVersion, id: record.id, status: .creating, pid: initPid,
                              bundle: record.bundle, annotations: record.annotations)
            try SeccompListener.send(fd: listener.rawValue, listenerPath: listenerPath, metadata: seccomp.listenerMetadata,
                                     state: state, pid: initPid)
        } catch {
            throw SetupFailure(stage: "seccomp", configPath: "linux.seccomp.listenerPath", detail: "\(listenerPath): \(error)")
        }
    }

    /// The fifo `start` opens: mode 0622 so the container's user (whoever it is by then) can open it for writing.
    private static func makeExecFifo(_ path: String, plan: SetupPlan) throws(SystemError) -> FileDescriptor {
        try FileSystem.makeFIFO(path, mode: 0o622)
        try FileSystem.changeMode(path, mode: 0o622)
        if plan.namespaces.newUser {
            let hostRoot = { (maps: [LinuxIDMapping]) in maps.first { $0.containerID == 0 }?.hostID ?? 0 }
            try FileSystem.changeOwner(path, uid: hostRoot(plan.namespaces.uidMappings), gid: hostRoot(plan.namespaces.gidMappings))
        }
        return try FileDescriptor.openPath(path)
    }

    /// Sync step 2–3: the parent writes the maps of the child's new user namespace.
    private static func writeIDMappings(pid: Int32, plan: SetupPlan) throws(SetupFailure) {
        func text(_ maps: [LinuxIDMapping]) -> String {
            maps.map { "\($0.containerID) \($0.hostID) \($0.size)\n" }.joined()
        }
        do {
            try FileContents.write("/proc/\(pid)/uid_map", text(plan.namespaces.uidMappings))
        } catch {
            throw SetupFailure(stage: "user namespace", configPath: "linux.uidMappings", detail: error.description)
        }
        do {
            try FileContents.write("/proc/\(pid)/gid_map", text(plan.namespaces.gidMappings))
        } catch {
            throw SetupFailure(stage: "user namespace", configPath: "linux.gidMappings", detail: error.description)
        }
    }

    private static func send(_ channel: SyncChannel, _ message: SyncMessage) throws(SetupFailure) {
        do { try channel.send(message) } catch { throw SetupFailure(stage: "init", detail: error.description) }
    }

    static func absolutePath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let cwd = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return path.isEmpty || path == "." ? cwd : cwd + "/" + path
    }
}

/// Turns a SystemError of a parent-side step into the user-facing error, naming the step.
func system<T: ~Copyable>(_ stage: String, _ body: () throws(SystemError) -> T) throws(RuntimeError) -> T {
    do { return try body() } catch { throw .system(stage: stage, error) }
}
