/// The state document of runtime.md ("state" command output).
public struct State: Codable, Sendable, Equatable {
    public var ociVersion: String
    public var id: String
    public var status: ContainerStatus
    /// Required on Linux while created or running.
    public var pid: Int32?
    /// Absolute path of the bundle.
    public var bundle: String
    public var annotations: [String: String]?

    public init(
        ociVersion: String, id: String, status: ContainerStatus, pid: Int32? = nil, bundle: String,
        annotations: [String: String]? = nil
    ) {
        self.ociVersion = ociVersion
        self.id = id
        self.status = status
        self.pid = pid
        self.bundle = bundle
        self.annotations = annotations
    }
}

/// Container status; `paused` is not in the spec but runc reports it.
public enum ContainerStatus: String, SpecEnum {
    case creating, created, running, stopped, paused
    public static let specKind = "container status"
}
