import Cgroups
import OCISpec
import LinuxSys

/// linux.cgroupsPath and linux.resources for one container: where its cgroups are, on this host's layout.
enum ContainerCgroups {
    /// The container's cgroups (not created yet): paths resolved as runc does, default "/<id>".
    static func plan(spec: Spec, id: String) throws(RuntimeError) -> (set: CgroupSet, layout: CgroupLayout) {
        do {
            let layout = try CgroupLayout.detect()
            let set = try CgroupSet(layout: layout, cgroupsPath: spec.linux?.cgroupsPath, containerID: id)
            return (set, layout)
        } catch {
            throw .invalidArgument(error.description)
        }
    }

    /// Creates the directories, applies linux.resources (with runc's default device rules added, as its specconv
    /// does) and moves `pid` in. Before the pid joins: a limit on an empty cgroup cannot fail for current usage.
    static func setUp(_ set: inout CgroupSet, resources: LinuxResources?, pid: Int32) throws(RuntimeError) {
        try prepare(&set, resources: resources)
        try join(set, pid: pid, clonedIntoUnified: false)
    }

    /// `setUp` without the join: for a process that will be cloned into the cgroup2 directory (CLONE_INTO_CGROUP).
    static func prepare(_ set: inout CgroupSet, resources: LinuxResources?) throws(RuntimeError) {
        do {
            try set.create()
            var resources = resources ?? LinuxResources()
            resources.devices = (resources.devices ?? []) + DeviceRule.runcDefaultAllowed
            try set.apply(resources)
        } catch {
            throw .invalidArgument("cgroups: \(error)")
        }
    }

    /// Moves `pid` into the directories it is not in yet.
    static func join(_ set: CgroupSet, pid: Int32, clonedIntoUnified: Bool) throws(RuntimeError) {
        do {
            if clonedIntoUnified { try set.joinExceptUnified(pid: pid) } else { try set.join(pid: pid) }
        } catch {
            throw .invalidArgument("cgroups: \(error)")
        }
    }

    static func restore(_ record: ContainerRecord) -> CgroupSet? {
        guard let paths = record.cgroupPaths, !paths.isEmpty else { return nil }
        return CgroupSet(restoringPaths: paths, createdDirectories: record.cgroupCreatedDirectories ?? [])
    }

    static func record(_ set: CgroupSet, into record: inout ContainerRecord) {
        record.cgroupPaths = set.paths
        record.cgroupCreatedDirectories = set.createdDirectories
    }

    /// Before `create()`: the directories it is about to make (missing leaves and their missing parents), so that a
    /// create killed between its mkdirs and the next state write leaves nothing `delete` cannot find.
    static func recordPlanned(_ set: CgroupSet, into record: inout ContainerRecord) {
        var planned: [String] = []
        for leaf in Set(set.paths.values).sorted() {
            var missing: [String] = []
            var path = leaf
            while !path.isEmpty, path != "/", !FileSystem.exists(path) {
                missing.append(path)
                path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
            }
            planned += missing.reversed().filter { !planned.contains($0) }
        }
        record.cgroupPaths = set.paths
        record.cgroupCreatedDirectories = planned
    }

    /// What a `mounts` entry of type "cgroup" becomes, per mount index.
    static func mountPlans(spec: Spec, set: CgroupSet, layout: CgroupLayout) -> [Int: CgroupMountPlan] {
        let newCgroupNamespace = (spec.linux?.namespaces ?? []).contains { $0.type == .cgroup && ($0.path ?? "").isEmpty }
        var plans: [Int: CgroupMountPlan] = [:]
        for (index, mount) in (spec.mounts ?? []).enumerated() where mount.type == "cgroup" {
            let readOnly = !(mount.options ?? []).contains("rw")
            plans[index] = set.cgroupMount(destination: mount.destination, readOnly: readOnly,
                                           hasCgroupNamespace: newCgroupNamespace, layout: layout)
        }
        return plans
    }
}
