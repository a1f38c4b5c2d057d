import LinuxSys

/// The first thing a process forked by `create` or `exec` does: die with its parent (until it is handed over),
/// stay out of reach of other processes (it is the swiftlet image until execve), and start with no signal blocked
/// (`run` and a foreground `exec` block them all to forward them).
enum ForkedChildGuard {
    /// `parentPid` nil: the child is in a new pid namespace, where its parent is invisible (getppid() is 0).
    static func engage(parentPid: Int32?, stage: String) throws(SetupFailure) {
        do {
            try ProcessControl.setParentDeathSignal(Signal.SIGKILL.rawValue)
            // The parent may have died before the line above took effect.
            if let parentPid, Processes.parentID != parentPid { Processes.exitImmediately(1) }
            try ProcessControl.setDumpable(false)
            _ = try SignalSet().setMask()
        } catch {
            throw SetupFailure(stage: stage, detail: error.description)
        }
    }
}
