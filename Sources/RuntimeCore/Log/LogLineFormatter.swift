/// One log line in runc's formats (logrus):
/// text: `time="2026-11-24T22:56:31Z" level=error msg="container does not exist"`
/// json: `{"level":"error","msg":"container does not exist","time":"2026-11-24T22:56:31Z"}`
public enum LogLineFormatter {
    public static func line(_ level: LogLevel, _ message: String, at time: Timestamp, format: LogFormat) -> String {
        switch format {
        case .text:
            return "time=\(field(time.rfc3339)) level=\(field(level.name)) msg=\(field(message))\n"
        case .json:
            // logrus marshals a map, so the keys come out sorted.
            let object = JSONOutput.object([
                .init("level", .string(level.name)),
                .init("msg", .string(message)),
                .init("time", .string(time.rfc3339)),
            ])
            return object.rendered() + "\n"
        }
    }

    /// logrus quotes a text value only when it holds a character outside [A-Za-z0-9-._/@^+].
    static func field(_ value: String) -> String {
        let needsQuoting = value.unicodeScalars.contains { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", ".", "_", "/", "@", "^", "+": return false
            default: return true
            }
        }
        return needsQuoting ? GoQuoting.quote(value) : value
    }
}
