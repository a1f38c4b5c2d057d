import OCISpec

/// The JSON runc prints for `state` and per entry of `list --format json`, keys in runc's order:
/// ociVersion, id, pid, status, bundle, rootfs, created, owner, then annotations when there are any.
public enum ContainerStateReport {
    public static func json(
        ociVersion: String, id: String, live: LiveStatus, bundle: String, rootfs: String,
        created: String, owner: String, annotations: [String: String]?
    ) -> JSONOutput {
        var members: [JSONOutput.Member] = [
            .init("ociVersion", .string(ociVersion)),
            .init("id", .string(id)),
            .init("pid", .int(Int64(live.pid))),
            .init("status", .string(live.status.rawValue)),
            .init("bundle", .string(bundle)),
            .init("rootfs", .string(rootfs)),
            .init("created", .string(created)),
            .init("owner", .string(owner)),
        ]
        if let annotations, !annotations.isEmpty {
            members.append(.init("annotations", .stringMap(annotations)))
        }
        return .object(members)
    }

    /// `state ID`: owner as stored ("" for root), pretty-printed with two spaces as runc does.
    public static func stateText(_ record: ContainerRecord, live: LiveStatus) -> String {
        json(
            ociVersion: record.ociVersion, id: record.id, live: live, bundle: record.bundle,
            rootfs: record.rootfs, created: record.created, owner: record.owner,
            annotations: record.annotations
        ).rendered(indent: "  ") + "\n"
    }
}
