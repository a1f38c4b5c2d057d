import Glibc

/// A decoded wait status (the W* macros are not visible to Swift).
public enum WaitStatus: Equatable, Sendable {
    case exited(code: Int32)
    case signaled(signal: Int32, coreDumped: Bool)
    case stopped(signal: Int32)
    case continued

    public init(raw status: Int32) {
        let low = status & 0x7f
        if low == 0 {
            self = .exited(code: (status >> 8) & 0xff)
        } else if status == 0xffff {
            self = .continued
        } else if status & 0xff == 0x7f {
            self = .stopped(signal: (status >> 8) & 0xff)
        } else {
            self = .signaled(signal: low, coreDumped: status & 0x80 != 0)
        }
    }

    /// The shell convention (and runc's): the exit code, or 128 + signal.
    public var shellExitCode: Int32 {
        switch self {
        case .exited(let code): return code
        case .signaled(let signal, _): return 128 + signal
        case .stopped(let signal): return 128 + signal
        case .continued: return 0
        }
    }
}

public struct WaitOptions: OptionSet, Sendable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let noHang = WaitOptions(rawValue: WNOHANG)
    public static let untraced = WaitOptions(rawValue: WUNTRACED)
    public static let continued = WaitOptions(rawValue: WCONTINUED)
    /// __WALL: also wait for clone children that do not report with SIGCHLD.
    public static let allChildren = WaitOptions(rawValue: 0x4000_0000)
}

extension Processes {
    /// waitpid(2), retrying EINTR. Returns nil with `.noHang` when no child has changed state yet.
    /// `pid` -1 waits for any child.
    public static func wait(pid: Int32 = -1, options: WaitOptions = []) throws(SystemError) -> (pid: Int32, status: WaitStatus)? {
        var status: Int32 = 0
        let reaped = try syscall("waitpid") { waitpid(pid, &status, options.rawValue) }
        if reaped == 0 { return nil }
        return (reaped, WaitStatus(raw: status))
    }
}
