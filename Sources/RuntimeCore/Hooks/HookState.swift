import OCISpec

/// The container state a hook reads on stdin (runtime.md "State"): the status the lifecycle is at when the hook
/// runs, and the pid as the hook's namespace sees it (runtime.md: the container's own pid 1 for hooks run inside).
enum HookState {
    static func json(ociVersion: String, id: String, status: ContainerStatus, pid: Int32?, bundle: String,
                     annotations: [String: String]?) -> [UInt8] {
        let state = State(ociVersion: ociVersion, id: id, status: status, pid: pid.flatMap { $0 > 0 ? $0 : nil },
                          bundle: bundle, annotations: annotations)
        return SpecJSON.encode(state, pretty: false)
    }

    /// The state of a container that has a record.
    static func json(_ record: ContainerRecord, status: ContainerStatus, pid: Int32?) -> [UInt8] {
        json(ociVersion: record.ociVersion, id: record.id, status: status, pid: pid, bundle: record.bundle,
             annotations: record.annotations)
    }
}
