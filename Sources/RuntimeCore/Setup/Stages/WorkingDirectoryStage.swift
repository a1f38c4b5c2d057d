import LinuxSys

/// process.cwd (inside the new root: after pivot_root no path can lead back to the host, CVE-2024-21626)
/// and process.user.umask.
struct WorkingDirectoryStage: SetupStage {
    let name = "cwd"

    func run(_ context: SetupContext) throws(SetupFailure) {
        let process = context.plan.process
        try step("process.cwd") { () throws(SystemError) in try FileSystem.changeDirectory(process.cwd) }
        _ = FileSystem.setUmask(process.umask)
    }
}
