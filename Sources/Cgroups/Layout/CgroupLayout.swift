import LinuxSys

/// Where each cgroup controller is mounted on this host: a v1 hierarchy per controller (possibly co-mounted,
/// like "cpu,cpuacct"), and/or the unified cgroup2 mount. Built from /proc/self/mountinfo and /proc/cgroups:
/// two small reads, because it runs on every create.
public struct CgroupLayout: Sendable, Equatable {
    /// One mounted hierarchy.
    public struct Hierarchy: Sendable, Equatable {
        /// Controllers bound to it ("cpu", "cpuacct"; "name=systemd" for named ones); empty for cgroup2.
        public var controllers: [String]
        /// Where it is mounted ("/sys/fs/cgroup/memory").
        public var mountPoint: String
        /// Which cgroup of the hierarchy is the mount's root ("/" on the host, deeper inside a cgroup namespace).
        public var root: String

        public init(controllers: [String], mountPoint: String, root: String = "/") {
            self.controllers = controllers
            self.mountPoint = mountPoint
            self.root = root
        }
    }

    public enum Kind: String, Sendable { case v1, v2, hybrid }

    /// v1 hierarchies, in mountinfo order.
    public var v1Hierarchies: [Hierarchy]
    /// The cgroup2 mount, if any (the whole tree on v2 hosts, /sys/fs/cgroup/unified on hybrid ones).
    public var unified: Hierarchy?

    public init(v1Hierarchies: [Hierarchy], unified: Hierarchy?) {
        self.v1Hierarchies = v1Hierarchies
        self.unified = unified
    }

    public var kind: Kind {
        if v1Hierarchies.isEmpty { return .v2 }
        return unified == nil ? .v1 : .hybrid
    }

    /// The v1 hierarchy a controller is bound to, if it is mounted as v1.
    public func v1Hierarchy(for controller: String) -> Hierarchy? {
        v1Hierarchies.first { $0.controllers.contains(controller) }
    }

    /// Reads the running host's layout. `procRoot` is injectable for tests.
    public static func detect(procRoot: String = "/proc") throws(CgroupError) -> CgroupLayout {
        let mountInfo: String
        let procCgroups: String
        do {
            mountInfo = try FileContents.readString(procRoot + "/self/mountinfo")
            procCgroups = try FileContents.readString(procRoot + "/cgroups")
        } catch { throw CgroupError(key: nil, error) }
        let layout = parse(mountInfo: mountInfo, procCgroups: procCgroups)
        if layout.v1Hierarchies.isEmpty && layout.unified == nil {
            throw CgroupError(op: "detect cgroup layout", file: procRoot + "/self/mountinfo", reason: "no cgroup mounts found")
        }
        return layout
    }

    /// Pure: the layout described by a mountinfo text and a /proc/cgroups text.
    public static func parse(mountInfo: String, procCgroups: String) -> CgroupLayout {
        let known = knownControllers(procCgroups: procCgroups)
        var v1: [Hierarchy] = []
        var unified: Hierarchy?
        for entry in visibleEntries(mountInfo) {
            switch entry.fileSystemType {
            case "cgroup2" where unified == nil:
                unified = Hierarchy(controllers: [], mountPoint: entry.mountPoint, root: entry.root)
            case "cgroup":
                let controllers = entry.superOptions.filter { known.contains($0) || $0.hasPrefix("name=") }
                // A hierarchy bind-mounted twice is the same hierarchy: the first mount wins.
                if controllers.isEmpty || v1.contains(where: { $0.controllers == controllers }) { continue }
                v1.append(Hierarchy(controllers: controllers, mountPoint: entry.mountPoint, root: entry.root))
            default:
                continue
            }
        }
        return CgroupLayout(v1Hierarchies: v1, unified: unified)
    }

    /// The mounts one can reach by path: a mount is hidden when a later one (mountinfo lists them in mount order)
    /// sits on the same mount point or on one of its ancestors — e.g. the v1 hierarchies under a cgroup2 mounted
    /// over /sys/fs/cgroup in a private mount namespace.
    static func visibleEntries(_ mountInfo: String) -> [MountInfoEntry] {
        // Parsed as bytes: splitting by Character (grapheme breaking) cost ~1 M instructions here.
        let entries = MountInfoEntry.entries(mountInfo)
        var covering: Set<String> = []
        var visible: [MountInfoEntry] = []
        // From the last mount backwards: one set lookup per ancestor instead of comparing every pair.
        for entry in entries.reversed() {
            var path = entry.mountPoint
            var hidden = covering.contains(path)
            while !hidden, path != "/", let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
                path = slash == path.startIndex ? "/" : String(Substring(path.utf8[..<slash]))
                hidden = path != "/" && covering.contains(path)
            }
            if !hidden { visible.append(entry) }
            covering.insert(entry.mountPoint)
        }
        return visible.reversed()
    }

    /// Controller names from /proc/cgroups ("#subsys_name hierarchy num_cgroups enabled"), enabled ones only.
    static func knownControllers(procCgroups: String) -> Set<String> {
        var names: Set<String> = []
        // Bytes, not Characters: this runs on every create (callgrind).
        for line in Array(procCgroups.utf8).split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "#") {
            let fields = line.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
            if fields.count >= 4, fields[3].elementsEqual([UInt8(ascii: "1")]) { names.insert(String(decoding: fields[0], as: UTF8.self)) }
        }
        return names
    }
}
