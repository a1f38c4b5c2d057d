import LinuxSys
import OCISpec

/// The runtime's user-facing errors. The first texts are runc's exact wording: containerd, CRI-O and
/// podman match on them (e.g. "does not exist" to treat a delete as done).
public enum RuntimeError: Error, Sendable, CustomStringConvertible {
    /// runc: "container does not exist".
    case containerNotFound(id: String)
    /// runc: "container with given ID already exists".
    case containerAlreadyExists(id: String)
    /// runc: "invalid container ID format".
    case invalidContainerID(id: String)
    /// runc: "container not running".
    case containerNotRunning(id: String)
    /// runc: "container not paused".
    case containerNotPaused(id: String)
    /// A lifecycle operation the current status forbids, with runc's sentence, e.g.
    /// "cannot start a container that has stopped", "cannot delete container x that is not stopped: running".
    case invalidTransition(id: String, message: String)
    /// config.json (or process.json) has problems; one `path: message` per line.
    case invalidConfig(ConfigError)
    /// A system call failed during `stage`: rendered `stage: op path: strerror`.
    case system(stage: String, SystemError)
    /// A bad option value, e.g. runc's "invalid log-format: xml".
    case invalidArgument(String)
    /// A command whose implementation has not landed yet.
    case notImplemented(command: String)
    /// The persisted state of a container cannot be read or written.
    case corruptState(id: String, detail: String)

    public var description: String {
        switch self {
        case .containerNotFound: return "container does not exist"
        case .containerAlreadyExists: return "container with given ID already exists"
        case .invalidContainerID: return "invalid container ID format"
        case .containerNotRunning: return "container not running"
        case .containerNotPaused: return "container not paused"
        case .invalidTransition(_, let message): return message
        case .invalidConfig(let error): return error.description
        case .system(let stage, let error): return stage.isEmpty ? error.description : "\(stage): \(error)"
        case .invalidArgument(let message): return message
        case .notImplemented(let command): return "\(command): not implemented yet"
        case .corruptState(let id, let detail): return "state of container \(id): \(detail)"
        }
    }
}
