import OCISpec

/// v1 net_cls controller: the class id stamped on the group's packets.
enum V1NetClassID: ResourceController {
    static let controller = "net_cls"

    static func isConfigured(in resources: LinuxResources) -> Bool { resources.network?.classID != nil }

    static func apply(_ resources: LinuxResources, to directory: CgroupDirectory, mode: ApplyMode) throws(CgroupError) {
        guard let classID = resources.network?.classID else { return }
        try directory.write("net_cls.classid", String(classID), key: "linux.resources.network.classID")
    }
}

/// v1 net_prio controller: one "interface priority" line per entry.
enum V1NetPriority: ResourceController {
    static let controller = "net_prio"

    static func isConfigured(in resources: LinuxResources) -> Bool { resources.network?.priorities != nil }

    static func apply(_ resources: LinuxResources, to directory: CgroupDirectory, mode: ApplyMode) throws(CgroupError) {
        for (index, entry) in (resources.network?.priorities ?? []).enumerated() {
            try directory.write(
                "net_prio.ifpriomap", "\(entry.name) \(entry.priority)", key: "linux.resources.network.priorities[\(index)]")
        }
    }
}
