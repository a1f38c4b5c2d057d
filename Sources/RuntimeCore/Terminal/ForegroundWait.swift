import LinuxSys

/// Waiting in the foreground for a process swiftlet started (`run`'s init, `exec`'s process): signals from the
/// signalfd are forwarded to it, children are reaped, and the result is the process' wait status (128+N for a
/// signal, by `shellExitCode`). With a terminal the same handler runs inside `TerminalProxy.relay`.
enum ForegroundWait {
    static func wait(for pid: Int32, signals: borrowing FileDescriptor) -> WaitStatus {
        let onSignal = handler(for: pid)
        while true {
            guard let received = try? signals.readSignal() else { continue }
            if let status = onSignal(received) { return status }
        }
    }

    static func wait(for pid: Int32, signals: borrowing FileDescriptor, proxy: borrowing TerminalProxy) -> WaitStatus {
        proxy.relay(signals: signals, onSignal: handler(for: pid))
    }

    /// Every signal but SIGCHLD is forwarded; SIGCHLD reaps every exited child and ends the wait at `pid`'s.
    static func handler(for pid: Int32) -> (ReceivedSignal) -> WaitStatus? {
        { received in
            if received.signal != .SIGCHLD {
                _ = try? Processes.kill(pid: pid, signal: received.signal.rawValue)
                return nil
            }
            while let (reaped, status) = (try? Processes.wait(pid: -1, options: .noHang)) ?? nil {
                if reaped == pid { return status }
            }
            return nil
        }
    }
}
