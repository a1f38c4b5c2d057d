import LinuxSys

/// process.cwd (inside the new root: after pivot_root no path can lead back to the host, CVE-2024-21626)
/// and process.user.umask.
struct WorkingDirectoryStage: SetupStage {
    let name = "cwd"

    func run(_ context: SetupContext) throws(SetupFailure) {
        let process = context.plan.process
        try step("process.cwd") { () throws(SystemError) in try FileSystem.changeDirectory(process.cwd) }
        // runc sets 0022 when umask is unset; the spec says to keep the caller's, so we only set what is given.
        if let umask = process.umask { _ = FileSystem.setUmask(umask) }
    }
}
