import LinuxSys

/// linux.cgroupsPath, resolved as runc's cgroupfs driver does:
/// absolute → that path under each hierarchy's root; relative → under the caller's own cgroup
/// (/proc/self/cgroup); absent → "/<id>"; "slice:prefix:name" is systemd driver syntax, which we do not have.
public enum CgroupPath: Sendable, Equatable {
    case absolute(String)
    case relative(String)

    public static func parse(_ cgroupsPath: String?, containerID: String) throws(CgroupError) -> CgroupPath {
        guard let cgroupsPath, !cgroupsPath.isEmpty else { return .absolute("/" + containerID) }
        let key = "linux.cgroupsPath"
        if !cgroupsPath.hasPrefix("/"), cgroupsPath.split(separator: ":", omittingEmptySubsequences: false).count == 3 {
            throw CgroupError.unsupported(key, "systemd cgroup driver not supported: \(cgroupsPath)")
        }
        let cleaned = normalize(cgroupsPath)
        if cleaned.split(separator: "/").contains("..") {
            throw CgroupError.unsupported(key, "path must not contain \"..\": \(cgroupsPath)")
        }
        return cgroupsPath.hasPrefix("/") ? .absolute(cleaned) : .relative(String(cleaned.dropFirst()))
    }

    /// The directory of this cgroup in one hierarchy. `ownCgroup` is the caller's cgroup in that hierarchy
    /// (needed for relative paths only).
    public func directory(in hierarchy: CgroupLayout.Hierarchy, ownCgroup: String?) -> String {
        let cgroup: String
        switch self {
        case .absolute(let path): cgroup = path
        case .relative(let path): cgroup = CgroupPath.normalize((ownCgroup ?? "/") + "/" + path)
        }
        return hierarchy.mountPoint + CgroupPath.strip(root: hierarchy.root, from: cgroup)
    }

    /// A path seen from the hierarchy root, made relative to the mount's root (inside a cgroup namespace
    /// the mount shows only a subtree).
    static func strip(root: String, from cgroup: String) -> String {
        if root == "/" { return cgroup == "/" ? "" : cgroup }
        if cgroup == root { return "" }
        if cgroup.hasPrefix(root + "/") { return String(cgroup.dropFirst(root.count)) }
        return cgroup
    }

    /// "/a//b/./c/" → "/a/b/c" (leading slash always, no trailing one).
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." { parts.append(part) }
        return PathText.absolute(parts)
    }
}

/// The caller's own cgroups from /proc/self/cgroup ("4:memory:/a/b", "0::/c"), keyed by controller;
/// the unified entry is keyed "unified".
public struct OwnCgroups: Sendable, Equatable {
    public var pathByController: [String: String]

    public init(pathByController: [String: String]) { self.pathByController = pathByController }

    public static func read(procRoot: String = "/proc") throws(CgroupError) -> OwnCgroups {
        do { return parse(try FileContents.readString(procRoot + "/self/cgroup")) } catch { throw CgroupError(key: nil, error) }
    }

    public static func parse(_ text: String) -> OwnCgroups {
        var paths: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            if fields[0] == "0" && fields[1].isEmpty {
                paths["unified"] = String(fields[2])
            } else {
                for controller in fields[1].split(separator: ",") { paths[String(controller)] = String(fields[2]) }
            }
        }
        return OwnCgroups(pathByController: paths)
    }

    func path(for hierarchy: CgroupLayout.Hierarchy) -> String? {
        guard let controller = hierarchy.controllers.first else { return pathByController["unified"] }
        return pathByController[controller]
    }
}
