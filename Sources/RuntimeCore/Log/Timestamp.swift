import Glibc

/// A wall-clock instant in UTC, printed as RFC 3339 the way Go prints it: log lines use whole seconds
/// (`2026-11-24T22:56:31Z`), state's `created` uses nanoseconds with trailing zeros trimmed
/// (`2026-11-24T23:02:24.00101083Z`, Go's RFC3339Nano).
public struct Timestamp: Sendable, Equatable {
    public var seconds: Int64
    public var nanoseconds: Int64

    public init(seconds: Int64, nanoseconds: Int64) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    public static func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(seconds: Int64(spec.tv_sec), nanoseconds: Int64(spec.tv_nsec))
    }

    public var rfc3339: String { dateAndTime + "Z" }

    public var rfc3339Nano: String {
        guard nanoseconds > 0 else { return rfc3339 }
        var fraction = pad(Int(nanoseconds), 9)
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return dateAndTime + "." + fraction + "Z"
    }

    private var dateAndTime: String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))"
            + "T\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2))"
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
