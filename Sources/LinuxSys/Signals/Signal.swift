import CLinuxShim

/// A signal number, with the names runc's `kill` accepts ("TERM", "SIGTERM", "term", "15", "RTMIN+3").
public struct Signal: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let SIGHUP = Signal(rawValue: 1)
    public static let SIGINT = Signal(rawValue: 2)
    public static let SIGQUIT = Signal(rawValue: 3)
    public static let SIGILL = Signal(rawValue: 4)
    public static let SIGTRAP = Signal(rawValue: 5)
    public static let SIGABRT = Signal(rawValue: 6)
    public static let SIGBUS = Signal(rawValue: 7)
    public static let SIGFPE = Signal(rawValue: 8)
    public static let SIGKILL = Signal(rawValue: 9)
    public static let SIGUSR1 = Signal(rawValue: 10)
    public static let SIGSEGV = Signal(rawValue: 11)
    public static let SIGUSR2 = Signal(rawValue: 12)
    public static let SIGPIPE = Signal(rawValue: 13)
    public static let SIGALRM = Signal(rawValue: 14)
    public static let SIGTERM = Signal(rawValue: 15)
    public static let SIGSTKFLT = Signal(rawValue: 16)
    public static let SIGCHLD = Signal(rawValue: 17)
    public static let SIGCONT = Signal(rawValue: 18)
    public static let SIGSTOP = Signal(rawValue: 19)
    public static let SIGTSTP = Signal(rawValue: 20)
    public static let SIGTTIN = Signal(rawValue: 21)
    public static let SIGTTOU = Signal(rawValue: 22)
    public static let SIGURG = Signal(rawValue: 23)
    public static let SIGXCPU = Signal(rawValue: 24)
    public static let SIGXFSZ = Signal(rawValue: 25)
    public static let SIGVTALRM = Signal(rawValue: 26)
    public static let SIGPROF = Signal(rawValue: 27)
    public static let SIGWINCH = Signal(rawValue: 28)
    public static let SIGIO = Signal(rawValue: 29)
    public static let SIGPWR = Signal(rawValue: 30)
    public static let SIGSYS = Signal(rawValue: 31)

    /// glibc's SIGRTMIN/SIGRTMAX (34/64: glibc keeps 32 and 33 for itself), as Go's signal tables use.
    public static let realtimeMinimum: Int32 = 34
    public static let realtimeMaximum: Int32 = 64

    /// Names without the SIG prefix, aliases included (IOT, CLD, POLL).
    static let numbersByName: [String: Int32] = [
        "HUP": 1, "INT": 2, "QUIT": 3, "ILL": 4, "TRAP": 5, "ABRT": 6, "IOT": 6, "BUS": 7, "FPE": 8, "KILL": 9,
        "USR1": 10, "SEGV": 11, "USR2": 12, "PIPE": 13, "ALRM": 14, "TERM": 15, "STKFLT": 16, "CHLD": 17,
        "CLD": 17, "CONT": 18, "STOP": 19, "TSTP": 20, "TTIN": 21, "TTOU": 22, "URG": 23, "XCPU": 24,
        "XFSZ": 25, "VTALRM": 26, "PROF": 27, "WINCH": 28, "IO": 29, "POLL": 29, "PWR": 30, "SYS": 31,
    ]

    /// Canonical names by number (the first of any aliases).
    static let namesByNumber: [Int32: String] = [
        1: "HUP", 2: "INT", 3: "QUIT", 4: "ILL", 5: "TRAP", 6: "ABRT", 7: "BUS", 8: "FPE", 9: "KILL",
        10: "USR1", 11: "SEGV", 12: "USR2", 13: "PIPE", 14: "ALRM", 15: "TERM", 16: "STKFLT", 17: "CHLD",
        18: "CONT", 19: "STOP", 20: "TSTP", 21: "TTIN", 22: "TTOU", 23: "URG", 24: "XCPU", 25: "XFSZ",
        26: "VTALRM", 27: "PROF", 28: "WINCH", 29: "IO", 30: "PWR", 31: "SYS",
    ]

    /// Accepts a number (1…64), or a name in any case with or without "SIG", including RTMIN, RTMIN+n, RTMAX-n.
    public static func parse(_ text: String) -> Signal? {
        if let number = Int32(text) {
            return number >= 1 && number <= realtimeMaximum ? Signal(rawValue: number) : nil
        }
        var name = text.uppercased()
        if name.hasPrefix("SIG") { name.removeFirst(3) }
        if let number = numbersByName[name] { return Signal(rawValue: number) }
        return parseRealtime(name)
    }

    private static func parseRealtime(_ name: String) -> Signal? {
        if name == "RTMIN" { return Signal(rawValue: realtimeMinimum) }
        if name == "RTMAX" { return Signal(rawValue: realtimeMaximum) }
        let span = realtimeMaximum - realtimeMinimum
        if name.hasPrefix("RTMIN+"), let offset = Int32(name.dropFirst(6)), offset >= 1, offset <= span {
            return Signal(rawValue: realtimeMinimum + offset)
        }
        if name.hasPrefix("RTMAX-"), let offset = Int32(name.dropFirst(6)), offset >= 1, offset <= span {
            return Signal(rawValue: realtimeMaximum - offset)
        }
        return nil
    }

    /// "SIGTERM", "SIGRTMIN+3", or "signal 99" for an unnamed number.
    public var name: String {
        if let base = Signal.namesByNumber[rawValue] { return "SIG" + base }
        if rawValue == Signal.realtimeMinimum { return "SIGRTMIN" }
        if rawValue == Signal.realtimeMaximum { return "SIGRTMAX" }
        if rawValue > Signal.realtimeMinimum && rawValue < Signal.realtimeMaximum {
            return "SIGRTMIN+\(rawValue - Signal.realtimeMinimum)"
        }
        return "signal \(rawValue)"
    }

    public var description: String { name }

    /// The libc's actual SIGRTMIN (34 with glibc), for a sanity check against `realtimeMinimum`.
    public static var libcRealtimeMinimum: Int32 { cls_sigrtmin() }
}
