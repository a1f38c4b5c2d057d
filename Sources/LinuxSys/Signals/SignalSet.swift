import Glibc

/// A sigset_t. Used to block signals around fork, and to say which signals a signalfd delivers.
public struct SignalSet: Sendable {
    var storage = sigset_t()

    public init(_ signals: [Signal] = []) {
        sigemptyset(&storage)
        for signal in signals { sigaddset(&storage, signal.rawValue) }
    }

    /// Every signal (SIGKILL and SIGSTOP are silently left out by the kernel when blocking).
    public static var all: SignalSet {
        var set = SignalSet()
        sigfillset(&set.storage)
        return set
    }

    public func contains(_ signal: Signal) -> Bool {
        var copy = storage
        return sigismember(&copy, signal.rawValue) == 1
    }

    /// Adds to the blocked mask; returns the previous mask (to restore with `setMask`).
    @discardableResult
    public func block() throws(SystemError) -> SignalSet { try change(SIG_BLOCK, "sigprocmask SIG_BLOCK") }

    @discardableResult
    public func unblock() throws(SystemError) -> SignalSet { try change(SIG_UNBLOCK, "sigprocmask SIG_UNBLOCK") }

    /// Replaces the blocked mask (e.g. with an empty set in the child before exec: masks survive execve).
    @discardableResult
    public func setMask() throws(SystemError) -> SignalSet { try change(SIG_SETMASK, "sigprocmask SIG_SETMASK") }

    private func change(_ how: Int32, _ op: String) throws(SystemError) -> SignalSet {
        var new = storage
        var old = SignalSet()
        // pthread_sigmask is the per-thread call sigprocmask is defined as; errors are returned, not in errno.
        let rc = pthread_sigmask(how, &new, &old.storage)
        if rc != 0 { throw SystemError(op: op, errno: Errno(rc)) }
        return old
    }
}

/// sigaction(2) dispositions.
public enum SignalHandlers {
    public typealias Handler = @convention(c) (Int32) -> Void

    /// Installs `handler` for each signal (SA_RESTART, so interrupted calls resume).
    public static func install(_ handler: Handler, for signals: [Signal]) throws(SystemError) {
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = handler
            action.sa_flags = SA_RESTART
            sigemptyset(&action.sa_mask)
            _ = try syscallOnce("sigaction \(signal.name)") { sigaction(signal.rawValue, &action, nil) }
        }
    }

    /// Back to SIG_DFL (e.g. in the child before exec: handlers are reset by exec anyway, ignored signals are not).
    public static func resetToDefault(_ signals: [Signal]) throws(SystemError) {
        try setDisposition(SIG_DFL, signals, "SIG_DFL")
    }

    public static func ignore(_ signals: [Signal]) throws(SystemError) {
        try setDisposition(SIG_IGN, signals, "SIG_IGN")
    }

    private static func setDisposition(_ disposition: __sighandler_t?, _ signals: [Signal], _ label: String) throws(SystemError) {
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = disposition
            sigemptyset(&action.sa_mask)
            _ = try syscallOnce("sigaction \(signal.name) \(label)") { sigaction(signal.rawValue, &action, nil) }
        }
    }
}
