import Glibc
import LinuxSys

/// One container's cgroups across the hierarchies the layout routes to: a directory per v1 controller
/// (co-mounted controllers share one) and the unified cgroup2 directory.
public struct CgroupSet: Sendable, Equatable {
    /// The key of the cgroup2 directory in `paths`.
    public static let unifiedKey = "unified"

    /// Controller ("memory", "cpu", "name=systemd", …, or "unified") → absolute directory. Persist it in the
    /// container state; `init(restoringPaths:)` rebuilds the set from it.
    public var paths: [String: String]
    /// Directories `create()` made, parents first. `destroy()` removes these (and the leaves); an ancestor that
    /// existed before is never removed.
    public var createdDirectories: [String]

    public init(restoringPaths paths: [String: String], createdDirectories: [String] = []) {
        self.paths = paths
        self.createdDirectories = createdDirectories
    }

    /// The set for a resolved cgroups path; `ownCgroups` is needed only for relative paths.
    public init(layout: CgroupLayout, path: CgroupPath, ownCgroups: OwnCgroups? = nil) {
        var paths: [String: String] = [:]
        for hierarchy in layout.v1Hierarchies {
            let directory = path.directory(in: hierarchy, ownCgroup: ownCgroups?.path(for: hierarchy))
            for controller in hierarchy.controllers { paths[controller] = directory }
        }
        if let unified = layout.unified {
            paths[CgroupSet.unifiedKey] = path.directory(in: unified, ownCgroup: ownCgroups?.path(for: unified))
        }
        self.init(restoringPaths: paths)
    }

    /// The set for an absolute cgroup path ("/swiftlet-test-42").
    public init(layout: CgroupLayout, path: String) {
        self.init(layout: layout, path: .absolute(CgroupPath.normalize(path)))
    }

    /// The set for linux.cgroupsPath as given in config.json (nil → "/<id>"); reads /proc/self/cgroup for relative paths.
    public init(layout: CgroupLayout, cgroupsPath: String?, containerID: String, procRoot: String = "/proc") throws(CgroupError) {
        let path = try CgroupPath.parse(cgroupsPath, containerID: containerID)
        var own: OwnCgroups?
        if case .relative = path { own = try OwnCgroups.read(procRoot: procRoot) }
        self.init(layout: layout, path: path, ownCgroups: own)
    }

    /// The cgroup2 directory, if the host has a cgroup2 mount (for CLONE_INTO_CGROUP and device programs).
    public var unifiedPath: String? { paths[CgroupSet.unifiedKey] }

    /// Whether every controller lives on cgroup2 (a pure v2 host).
    public var isUnifiedOnly: Bool { paths.keys.allSatisfy { $0 == CgroupSet.unifiedKey } && unifiedPath != nil }

    /// Distinct directories, v1 first (sorted for a stable order), the unified one last.
    var directories: [CgroupDirectory] {
        var seen: Set<String> = []
        var result: [CgroupDirectory] = []
        for (key, path) in paths.sorted(by: { $0.key < $1.key }) where key != CgroupSet.unifiedKey && seen.insert(path).inserted {
            result.append(CgroupDirectory(path))
        }
        if let unifiedPath, seen.insert(unifiedPath).inserted { result.append(CgroupDirectory(unifiedPath)) }
        return result
    }

    /// Makes every directory that does not exist yet (parents included) and prepares new ones: v1 cpusets get
    /// their parent's CPUs and nodes; on a pure v2 host every available controller is enabled down to the parent.
    public mutating func create() throws(CgroupError) {
        for directory in directories {
            var missing: [String] = []
            var probe: CgroupDirectory? = directory
            while let candidate = probe, !candidate.exists {
                missing.append(candidate.path)
                probe = candidate.parent
            }
            for path in missing.reversed() {
                do { try FileSystem.makeDirectory(path, mode: 0o755) } catch {
                    guard error.errno == .EEXIST else { throw CgroupError(key: nil, error) }
                    continue
                }
                createdDirectories.append(path)
            }
        }
        try prepareNewCpusets()
        if isUnifiedOnly, let unifiedPath {
            let directory = CgroupDirectory(unifiedPath)
            guard let top = V2SubtreeControl.ancestors(of: directory).first else { return }
            let available = V2SubtreeControl.controllers(top, file: "cgroup.controllers")
            // Best effort: an ancestor holding processes refuses (EBUSY, "no internal processes"), e.g. the root of a
            // cgroup namespace; a limit that needs a controller enables it itself and fails naming its key.
            try? V2SubtreeControl.enable(available.sorted(), for: directory)
        }
    }

    private func prepareNewCpusets() throws(CgroupError) {
        guard let cpuset = paths[V1Cpuset.controller] else { return }
        for path in createdDirectories where path == cpuset || cpuset.hasPrefix(path + "/") {
            try V1Cpuset.inheritFromParent(CgroupDirectory(path))
        }
    }

    /// Removes the container's directories that `create()` made, bottom-up (nested cgroups the container made
    /// first), then the ancestors it made. A cgroup that existed before create stays (runtime.md "Delete": only
    /// what create made is removed). EBUSY is retried briefly: a killed task leaves its cgroup a moment late.
    /// Missing directories are not an error (delete must be repeatable).
    public func destroy() throws(CgroupError) {
        for directory in directories where createdDirectories.contains(directory.path) {
            try CgroupSet.removeTree(directory)
        }
        removeCreatedAncestors()
    }

    /// The parents create made for the container's directories, deepest first. An ancestor still holding someone
    /// else's cgroups stays (rmdir fails, and that is fine).
    private func removeCreatedAncestors() {
        for path in createdDirectories.reversed() where !paths.values.contains(path) { _ = rmdir(path) }
    }

    /// The common end of a container: every process gone, no child cgroups. rmdir succeeds only on exactly such a
    /// cgroup (EBUSY otherwise), so trying it first skips the kill, the wait and the listings, ~20 syscalls of a
    /// `run`. False, with whatever was removed staying removed, when anything is left: the caller goes the long way.
    /// Only for cgroups create made: one that existed before may hold processes that must still be killed.
    public func removeIfEmpty() -> Bool {
        guard !directories.isEmpty, directories.allSatisfy({ createdDirectories.contains($0.path) }) else { return false }
        for directory in directories {
            guard rmdir(directory.path) == 0 || Errno.current == .ENOENT else { return false }
        }
        removeCreatedAncestors()
        return true
    }

    static func removeTree(_ directory: CgroupDirectory) throws(CgroupError) {
        guard directory.exists else { return }
        for child in directory.children() { try removeTree(child) }
        var attempt = 0
        while rmdir(directory.path) != 0 {
            let errno = Errno.current
            if errno == .ENOENT { return }
            guard errno == .EBUSY || errno == .EINTR, attempt < 100 else {
                throw CgroupError(op: "rmdir", file: directory.path, errno: errno)
            }
            attempt += 1
            usleep(10_000)
        }
    }
}
