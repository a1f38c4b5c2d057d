/// One thing wrong with a document, at its JSON path: `process.args: must not be empty`.
public struct ConfigProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning
    }

    /// JSON path such as `linux.namespaces[5].type` or `annotations["org.example.x"]`; empty for the whole document.
    public var path: String
    public var message: String
    public var severity: Severity

    public init(path: String, message: String, severity: Severity = .error) {
        self.path = path
        self.message = message
        self.severity = severity
    }

    public static func error(_ path: String, _ message: String) -> ConfigProblem {
        ConfigProblem(path: path, message: message, severity: .error)
    }

    public static func warning(_ path: String, _ message: String) -> ConfigProblem {
        ConfigProblem(path: path, message: message, severity: .warning)
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// Every problem found in a document; thrown when at least one is an error.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var problems: [ConfigProblem]

    public init(problems: [ConfigProblem]) {
        self.problems = problems
    }

    /// Only the errors (warnings may ride along).
    public var errors: [ConfigProblem] { problems.filter { $0.severity == .error } }

    /// One problem per line; warnings are marked.
    public var description: String {
        problems.map { $0.severity == .warning ? "warning: \($0)" : $0.description }.joined(separator: "\n")
    }
}
