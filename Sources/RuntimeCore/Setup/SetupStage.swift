import LinuxSys

/// One step of the container-side setup. Stages run in the order `SetupPipeline` lists, in a process forked
/// from swiftlet (no re-exec): they only execute the plan the parent resolved.
protocol SetupStage: Sendable {
    /// The name a failure is reported under ("mounts", "pivot_root", …).
    var name: String { get }
    func run(_ context: SetupContext) throws(SetupFailure)
}

/// What the stages of one container-side process share. A class: the stages hand each other fds and results.
final class SetupContext {
    let plan: SetupPlan
    /// The child's end of the sync socketpair (close-on-exec).
    let syncFD: Int32
    /// O_PATH fd of the exec fifo in the state directory, opened by the parent (close-on-exec).
    let execFifoFD: Int32
    /// The path the container's program is exec'd from, resolved by `ExecutableLookupStage`.
    var executablePath: String = ""
    /// `--debug`: each stage's duration, child 1's included (the init is forked from it with a copy).
    var stageTimings: [StageTiming] = []
    /// The program's environment: process.env, plus what stages add (HOME from /etc/passwd).
    var environment: [String]

    init(plan: SetupPlan, syncFD: Int32, execFifoFD: Int32) {
        self.plan = plan
        self.syncFD = syncFD
        self.execFifoFD = execFifoFD
        self.environment = plan.process.env
    }
}

extension SetupStage {
    /// Runs a system call step, turning its error into a SetupFailure carrying this stage and the config path.
    func step<T: ~Copyable>(_ configPath: String? = nil, _ body: () throws(SystemError) -> T) throws(SetupFailure) -> T {
        do { return try body() } catch { throw SetupFailure(stage: name, configPath: configPath, detail: error.description) }
    }

    /// Runs `body` on each path of a config list (`linux.maskedPaths`, `linux.readonlyPaths`) that exists inside the
    /// container's root: "/" after pivot_root, opened once, each path resolved with RESOLVE_IN_ROOT so no symlink
    /// leads out of it. A missing path is skipped (runc does too). A failure names the path's config entry.
    func forEachPathInRoot(
        _ paths: [String], configKey: String,
        _ body: (_ root: borrowing FileDescriptor, _ target: borrowing FileDescriptor, _ path: String) throws(SystemError) -> Void
    ) throws(SetupFailure) {
        guard !paths.isEmpty else { return }
        let root = try step("\(configKey)[0]") { () throws(SystemError) in try FileDescriptor.open("/", OpenFlag.path | OpenFlag.directory) }
        for (index, path) in paths.enumerated() {
            try step("\(configKey)[\(index)]") { () throws(SystemError) in
                let target: FileDescriptor
                do throws(SystemError) { target = try root.openInRoot(path) } catch where error.errno == .ENOENT { return }
                try body(root, target, path)
            }
        }
    }

    func fail(_ configPath: String?, _ detail: String) -> SetupFailure {
        SetupFailure(stage: name, configPath: configPath, detail: detail)
    }
}
