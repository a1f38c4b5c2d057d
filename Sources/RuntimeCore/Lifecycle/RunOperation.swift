import LinuxSys
import OCISpec

/// `run` = create + start, then (in the foreground) wait: signals are forwarded to the container's process,
/// children are reaped, and swiftlet exits with the container's status (128+N for a signal), deleting the
/// container unless --keep. The init is our own child (forked with CLONE_PARENT), so no subreaper is needed to
/// reap it; --no-subreaper only skips PR_SET_CHILD_SUBREAPER for processes that escape it.
public enum RunOperation {
    public static func run(
        _ options: CreateOptions, detach: Bool, keep: Bool, noSubreaper: Bool, store: StateStore
    ) throws(RuntimeError) -> Int32 {
        if detach {
            let container = try CreateOperation.run(options, store: store, startOnChannel: true)
            try startOrClean(container, store: store)
            return 0
        }
        if !noSubreaper { try system("run") { () throws(SystemError) in try ProcessControl.setChildSubreaper(true) } }
        // Blocked before the fork, so no signal is lost; the namespace child unblocks them for the container.
        let forwarded = SignalSet.all
        let signals = try system("run") { () throws(SystemError) -> FileDescriptor in
            _ = try forwarded.block()
            return try FileDescriptor.signalDescriptor(for: forwarded)
        }
        let container = try CreateOperation.run(options, store: store, foreground: true, startOnChannel: true)
        // process.terminal without --console-socket: swiftlet relays the pty (raw mode restored when it ends).
        let proxy = container.consoleMaster.map { TerminalProxy(master: FileDescriptor(adopting: $0)) }
        try startOrClean(container, store: store)
        let status = if let proxy { ForegroundWait.wait(for: container.pid, signals: signals, proxy: proxy) }
            else { waitForExit(of: container.pid, signals: signals) }
        if !keep { try DeleteOperation.runAfterExit(container.record, store: store) }
        return status.shellExitCode
    }

    private static func startOrClean(_ container: CreatedContainer, store: StateStore) throws(RuntimeError) {
        do { try StartOperation.run(created: container) } catch {
            try? DeleteOperation.run(id: container.id, force: true, store: store)
            throw error
        }
    }

    /// Forwards every signal but SIGCHLD to the init; reaps every child; returns when the init is reaped.
    private static func waitForExit(of pid: Int32, signals: borrowing FileDescriptor) -> WaitStatus {
        while true {
            guard let received = try? signals.readSignal() else { continue }
            if received.signal != .SIGCHLD {
                _ = try? Processes.kill(pid: pid, signal: received.signal.rawValue)
                continue
            }
            while let (reaped, status) = (try? Processes.wait(pid: -1, options: .noHang)) ?? nil {
                if reaped == pid { return status }
            }
        }
    }
}
