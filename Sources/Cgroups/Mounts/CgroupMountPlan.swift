/// What a `mounts` entry of type "cgroup" becomes inside the container, as a list of operations the
/// mount stage runs in order (paths inside the container are relative to the rootfs; sources are host paths).
///
/// v1/hybrid: a tmpfs at the destination, then a bind of each hierarchy's container cgroup at
/// `<destination>/<name as on the host>` (plus the cpu/cpuacct symlinks for co-mounted ones) and the unified
/// directory at `<destination>/unified`; the tmpfs is made read-only last. v2: a fresh cgroup2 mount when the
/// container has its own cgroup namespace (it then shows the container's cgroup as root), else a bind of the
/// container's cgroup directory.
public struct CgroupMountPlan: Sendable, Equatable {
    public enum Operation: Sendable, Equatable {
        /// mount -t tmpfs (nosuid,nodev,noexec, mode 755).
        case tmpfs(destination: String)
        /// mkdir -p, then a recursive bind mount of `source`; remounted read-only when `readOnly`.
        case bind(source: String, destination: String, readOnly: Bool)
        /// symlink `destination` → `target` (relative, as on the host: "cpu" → "cpu,cpuacct").
        case symlink(target: String, destination: String)
        /// mount -t cgroup2 (nosuid,nodev,noexec[,ro]); only valid inside a new cgroup namespace.
        case cgroup2(destination: String, readOnly: Bool)
        /// Remount an earlier tmpfs read-only (MS_REMOUNT|MS_BIND|MS_RDONLY).
        case remountReadOnly(destination: String)
    }

    public var operations: [Operation]

    public init(operations: [Operation]) { self.operations = operations }
}

extension CgroupSet {
    /// The plan for a cgroup mount at `destination`. `readOnly` comes from the entry's options ("ro" is what
    /// engines send; runc binds read-only unless "rw" is given). `layout` supplies the host's hierarchy names.
    public func cgroupMount(
        destination: String, readOnly: Bool, hasCgroupNamespace: Bool, layout: CgroupLayout
    ) -> CgroupMountPlan {
        let base = destination.hasSuffix("/") ? String(destination.dropLast()) : destination
        if layout.kind == .v2, let unifiedPath {
            if hasCgroupNamespace { return CgroupMountPlan(operations: [.cgroup2(destination: base, readOnly: readOnly)]) }
            return CgroupMountPlan(operations: [.bind(source: unifiedPath, destination: base, readOnly: readOnly)])
        }
        var operations: [CgroupMountPlan.Operation] = [.tmpfs(destination: base)]
        for hierarchy in layout.v1Hierarchies {
            guard let controller = hierarchy.controllers.first, let source = paths[controller] else { continue }
            let name = lastComponent(hierarchy.mountPoint)
            operations.append(.bind(source: source, destination: base + "/" + name, readOnly: readOnly))
            // Co-mounted "cpu,cpuacct": the host links each controller's name to the shared directory.
            for member in hierarchy.controllers where member != name && hierarchy.controllers.count > 1 && name.contains(",") {
                operations.append(.symlink(target: name, destination: base + "/" + member))
            }
        }
        if let unifiedPath, let unified = layout.unified {
            operations.append(.bind(source: unifiedPath, destination: base + "/" + lastComponent(unified.mountPoint), readOnly: readOnly))
        }
        if readOnly { operations.append(.remountReadOnly(destination: base)) }
        return CgroupMountPlan(operations: operations)
    }

    private func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
