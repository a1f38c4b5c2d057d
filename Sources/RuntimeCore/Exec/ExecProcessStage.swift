import LinuxSys

/// First thing in `exec`'s process: die with the `exec` command until it execs (cleared just before), stay out
/// of reach of the container while still the swiftlet binary (not dumpable), and lead a new session (so a
/// terminal can become its controlling one; runc's nsexec does setsid for every process it starts).
struct ExecProcessStage: SetupStage {
    let name = "exec"

    func run(_ context: SetupContext) throws(SetupFailure) {
        try step { () throws(SystemError) in
            try ProcessControl.setParentDeathSignal(Signal.SIGKILL.rawValue)
            try ProcessControl.setDumpable(false)
            try Processes.newSession()
        }
    }
}
