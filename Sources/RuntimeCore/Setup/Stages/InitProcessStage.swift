import LinuxSys

/// First thing in the container init: tie its life to the parent's until `create` hands it over, keep its
/// memory out of reach of other processes (it is the swiftlet binary until exec), and start a new session.
struct InitProcessStage: SetupStage {
    let name = "init"

    func run(_ context: SetupContext) throws(SetupFailure) {
        try step { () throws(SystemError) in
            // A create that dies half way must not leave a waiting init behind (cleared in the `detached` step).
            try ProcessControl.setParentDeathSignal(Signal.SIGKILL.rawValue)
            // Not dumpable: /proc/<pid>/exe, mem and fd of this process are closed to the container (CVE-2019-5736 class).
            try ProcessControl.setDumpable(false)
            try Processes.newSession()
        }
    }
}
