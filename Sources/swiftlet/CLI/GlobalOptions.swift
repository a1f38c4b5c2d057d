import Glibc
import RuntimeCore

/// runc's global flags, typed.
struct GlobalOptions {
    /// `--rootless`: "auto" decides from the euid and user namespace.
    enum Rootless: String {
        case `true`, `false`, auto
    }

    var root: String
    var logPath: String?
    var logFormat: LogFormat
    var debug: Bool
    var systemdCgroup: Bool
    var rootless: Rootless

    static let defaultRoot = "/run/swiftlet"

    static let flags: [FlagSpec] = [
        FlagSpec(["debug"], .bool, "enable debug logging"),
        FlagSpec(["log"], .string, "set the log file to write swiftlet logs to (default is '/dev/stderr')"),
        FlagSpec(["log-format"], .string, "set the log format ('text' (default), or 'json')", default: "text"),
        FlagSpec(
            ["root"], .string, "root directory for storage of container state (this should be located in tmpfs)",
            default: defaultRoot),
        FlagSpec(["criu"], .string, "path to the criu binary used for checkpoint and restore (accepted, ignored)"),
        FlagSpec(
            ["systemd-cgroup"], .bool,
            "enable systemd cgroup support, expects cgroupsPath to be of form \"slice:prefix:name\" for e.g. \"system.slice:runc:434234\""),
        FlagSpec(["rootless"], .string, "ignore cgroup permission errors ('true', 'false', or 'auto')", default: "auto"),
        FlagSpec.help,
        FlagSpec(["version", "v"], .bool, "print the version"),
    ]

    /// Typed values, with runc's texts for bad ones.
    init(_ flags: ParsedFlags) throws(RuntimeError) {
        root = Self.absolute(flags.string("root").flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultRoot)
        logPath = flags.string("log")
        let formatText = flags.string("log-format") ?? "text"
        guard let format = LogFormat(rawValue: formatText) else {
            throw .invalidArgument("invalid log-format: \(formatText)")
        }
        logFormat = format
        debug = flags.bool("debug")
        systemdCgroup = flags.bool("systemd-cgroup")
        let rootlessText = flags.string("rootless") ?? "auto"
        guard let rootless = Rootless(rawValue: rootlessText) else {
            throw .invalidArgument("invalid --rootless value \"\(rootlessText)\": expected true, false or auto")
        }
        self.rootless = rootless
    }

    /// runc makes --root absolute (filepath.Abs) so it stays valid if the process changes directory.
    static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let cwd = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (cwd == "/" ? "" : cwd) + "/" + path
    }
}
