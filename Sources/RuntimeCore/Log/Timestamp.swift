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
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400     // floor division
        let date = CivilDate(daysSinceEpoch: days)
        let secondOfDay = Int(seconds - days * 86_400)
        return "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))"
            + "T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

/// The proleptic Gregorian date of a day counted from 1970-01-01 (Howard Hinnant's civil_from_days). Not gmtime_r:
/// glibc's first gmtime_r loads the time zone (/etc/localtime: an open, two fstats, two reads), only to ignore it.
struct CivilDate: Equatable {
    let year: Int
    let month: Int
    let day: Int

    init(daysSinceEpoch: Int64) {
        let shifted = daysSinceEpoch + 719_468                    // days since 0000-03-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097                    // [0, 146096]
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)   // from March 1st
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        day = Int(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1)
        month = Int(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9)
        year = Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
    }
}
