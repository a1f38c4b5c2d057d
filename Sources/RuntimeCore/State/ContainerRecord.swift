import OCISpec

/// What `<root>/<id>/state.json` holds: the OCI state fields runc reports, plus what swiftlet needs to
/// tell a live container from a dead one (pid + start time, against PID reuse) and a crashed `create`
/// from one in progress (the creator's pid + start time, recorded before forking).
///
/// The lifecycle may add fields (cgroup paths, a config snapshot path); `extensions` is free-form room
/// for values that do not deserve a field.
public struct ContainerRecord: Codable, Sendable, Equatable {
    public var ociVersion: String
    public var id: String
    /// Absolute path of the bundle.
    public var bundle: String
    /// Absolute path of the root filesystem.
    public var rootfs: String
    /// The container's init process as seen from the host; 0 before it exists.
    public var pid: Int32
    /// Field 22 of /proc/<pid>/stat when `pid` was recorded.
    public var pidStartTime: UInt64
    /// The status last written; what is reported comes from `LiveStatus`, which also checks the processes.
    public var status: ContainerStatus
    /// RFC 3339 with nanoseconds (`Timestamp.rfc3339Nano`).
    public var created: String
    /// "" when created by root, as runc writes it.
    public var owner: String
    public var annotations: [String: String]?
    /// The `swiftlet create` process that claimed the id, and its start time.
    public var creatorPid: Int32
    public var creatorStartTime: UInt64
    public var extensions: [String: String]
    /// The container's cgroup directories (controller → path) and which of them `create` made, for kill --all,
    /// pause, update, ps, events and delete. Nil for records written before cgroups existed.
    public var cgroupPaths: [String: String]?
    public var cgroupCreatedDirectories: [String]?

    public init(
        ociVersion: String, id: String, bundle: String, rootfs: String,
        pid: Int32 = 0, pidStartTime: UInt64 = 0, status: ContainerStatus = .creating,
        created: String = Timestamp.now().rfc3339Nano, owner: String = "",
        annotations: [String: String]? = nil,
        creatorPid: Int32, creatorStartTime: UInt64, extensions: [String: String] = [:]
    ) {
        self.ociVersion = ociVersion
        self.id = id
        self.bundle = bundle
        self.rootfs = rootfs
        self.pid = pid
        self.pidStartTime = pidStartTime
        self.status = status
        self.created = created
        self.owner = owner
        self.annotations = annotations
        self.creatorPid = creatorPid
        self.creatorStartTime = creatorStartTime
        self.extensions = extensions
    }
}

/// The part of a record that `list` needs: decoding stops here, so a large record (config snapshot,
/// cgroup paths) costs nothing per listed container.
public struct ContainerSummary: Decodable, Sendable, Equatable {
    public var ociVersion: String
    public var id: String
    public var bundle: String
    public var rootfs: String
    public var pid: Int32
    public var pidStartTime: UInt64
    public var status: ContainerStatus
    public var created: String
    public var owner: String
    public var annotations: [String: String]?
    public var creatorPid: Int32
    public var creatorStartTime: UInt64
}
