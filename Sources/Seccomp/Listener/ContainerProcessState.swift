import OCISpec

/// What the runtime sends to the seccomp agent at listenerPath (config-linux.md, "The Container Process State"):
/// the names of the fds passed with SCM_RIGHTS, in order, the container process, the opaque metadata and the state.
public struct ContainerProcessState: Codable, Sendable, Equatable {
    public var ociVersion: String
    public var fds: [String]?
    public var pid: Int32
    public var metadata: String?
    public var state: State

    public init(ociVersion: String, fds: [String]? = nil, pid: Int32, metadata: String? = nil, state: State) {
        self.ociVersion = ociVersion
        self.fds = fds
        self.pid = pid
        self.metadata = metadata
        self.state = state
    }

    /// The name of the notify fd in `fds`.
    public static let seccompFdName = "seccompFd"
}
