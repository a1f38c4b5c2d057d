/// Severity of a log line, with logrus's names (runc's `--log-format json` consumers match on them).
public enum LogLevel: Int, Sendable, Comparable, CaseIterable {
    case error = 0
    case warning
    case info
    case debug

    public var name: String {
        switch self {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "info"
        case .debug: return "debug"
        }
    }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// `--log-format`: logrus's text formatter or one JSON object per line.
public enum LogFormat: String, Sendable, CaseIterable {
    case text
    case json
}
