import LinuxSys

/// process.cwd and process.user.umask. The cwd is resolved inside the container's root with no magic links
/// (openat2 RESOLVE_IN_ROOT|RESOLVE_NO_MAGICLINKS) and entered with fchdir: a cwd such as /proc/self/fd/N cannot
/// reach a file descriptor of the runtime's (the CVE-2024-21626 class), whatever fds are still open here.
struct WorkingDirectoryStage: SetupStage {
    let name = "cwd"

    func run(_ context: SetupContext) throws(SetupFailure) {
        let process = context.plan.process
        try step("process.cwd") { () throws(SystemError) in
            let root = try FileDescriptor.open("/", OpenFlag.path | OpenFlag.directory)
            let cwd = try root.openInRoot(process.cwd, OpenFlag.path | OpenFlag.directory)
            try cwd.changeDirectoryHere()
        }
        // runc sets 0022 when umask is unset; the spec says to keep the caller's, so we only set what is given.
        if let umask = process.umask { _ = FileSystem.setUmask(umask) }
    }
}
