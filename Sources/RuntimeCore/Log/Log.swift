import Glibc
import LinuxSys

/// The process-wide logger. Lines go to the `--log` file (appended) or, without one, to stderr —
/// never to stdout, which carries `state`, `list` and `ps` output.
///
/// Each line is one write(2), so lines from concurrent swiftlet processes appending to the same
/// file (O_APPEND) do not interleave.
public enum Log {
    struct Configuration {
        var format: LogFormat = .text
        var threshold: LogLevel = .info
        /// The `--log` file; nil writes to stderr.
        var fileDescriptor: Int32?
    }

    // swiftlet is single-threaded (it forks from itself), so this configuration, set once at start-up
    // before anything logs, is never touched concurrently.
    nonisolated(unsafe) static var configuration = Configuration()

    /// Applies `--log`, `--log-format` and `--debug`. The file is opened O_APPEND|O_CREAT and kept open
    /// (close-on-exec) for the life of the process.
    public static func configure(path: String?, format: LogFormat, debug: Bool) throws(SystemError) {
        var next = Configuration(format: format, threshold: debug ? .debug : .info, fileDescriptor: nil)
        if let path, !path.isEmpty, path != "/dev/stderr" {
            let file = try FileDescriptor.open(path, O_WRONLY | O_APPEND | O_CREAT, mode: 0o644)
            next.fileDescriptor = file.release()
        }
        if let previous = configuration.fileDescriptor { _ = Glibc.close(previous) }
        configuration = next
    }

    /// Whether lines go to a `--log` file rather than stderr (the top-level error handler then also
    /// prints the bare message to stderr, as runc does).
    public static var writesToFile: Bool { configuration.fileDescriptor != nil }

    public static var isDebugEnabled: Bool { configuration.threshold >= .debug }

    public static func error(_ message: String) { emit(.error, message) }
    public static func warning(_ message: String) { emit(.warning, message) }
    public static func info(_ message: String) { emit(.info, message) }
    public static func debug(_ message: @autoclosure () -> String) {
        if isDebugEnabled { emit(.debug, message()) }
    }

    public static func emit(_ level: LogLevel, _ message: String) {
        guard level <= configuration.threshold else { return }
        let line = LogLineFormatter.line(level, message, at: .now(), format: configuration.format)
        writeWhole(line, to: configuration.fileDescriptor ?? STDERR_FILENO)
    }

    /// Best effort: a logger that cannot write has nowhere to report that.
    static func writeWhole(_ text: String, to fd: Int32) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
