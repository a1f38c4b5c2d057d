import LinuxSys
/// cgroup v2 hands a controller to a child only if every ancestor lists it in cgroup.subtree_control.
/// The ancestors are found by walking up while the parent is still a cgroup2 directory.
enum V2SubtreeControl {
    /// Ancestors of `directory` from the hierarchy's (or namespace's) root down to its parent.
    static func ancestors(of directory: CgroupDirectory) -> [CgroupDirectory] {
        var chain: [CgroupDirectory] = []
        var current = directory.parent
        while let candidate = current, candidate.has("cgroup.controllers") {
            chain.append(candidate)
            // The real root has no cgroup.type: stop there rather than probing /sys/fs.
            if !candidate.has("cgroup.type") { break }
            current = candidate.parent
        }
        return chain.reversed()
    }

    static func controllers(_ directory: CgroupDirectory, file: String) -> Set<String> {
        guard let text = try? directory.read(file) else { return [] }
        return Set(text.split(separator: " ").map(String.init))
    }

    /// Whether the hierarchy offers `controller` at all (its topmost reachable cgroup's cgroup.controllers).
    static func isAvailable(_ controller: String, for directory: CgroupDirectory) -> Bool {
        if controllers(directory, file: "cgroup.controllers").contains(controller) { return true }
        guard let top = ancestors(of: directory).first else { return false }
        return controllers(top, file: "cgroup.controllers").contains(controller)
    }

    /// Writes "+controller" into each ancestor that lacks it, top down.
    static func enable(_ controllers: [String], for directory: CgroupDirectory, key: String? = nil) throws(CgroupError) {
        for ancestor in ancestors(of: directory) {
            let enabled = self.controllers(ancestor, file: "cgroup.subtree_control")
            let available = self.controllers(ancestor, file: "cgroup.controllers")
            let missing = controllers.filter { !enabled.contains($0) && available.contains($0) }
            if missing.isEmpty { continue }
            try ancestor.write("cgroup.subtree_control", PathText.joined(missing.map { "+" + $0 }, separator: " "), key: key)
        }
    }
}
