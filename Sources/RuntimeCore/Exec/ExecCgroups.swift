import Cgroups
import LinuxSys

/// The cgroups an exec'd process joins: the container's own, or with `--cgroup [<controller>:]<path>` an
/// existing sub-cgroup of it (runc's semantics: without a controller the path applies to every one).
enum ExecCgroups {
    static func target(_ record: ContainerRecord, subCgroups: [String]) throws(RuntimeError) -> CgroupSet? {
        guard let set = ContainerCgroups.restore(record) else {
            if !subCgroups.isEmpty { throw .invalidArgument("--cgroup: the container has no cgroups recorded") }
            return nil
        }
        guard !subCgroups.isEmpty else { return set }
        var forAll: String?
        var perController: [String: String] = [:]
        for entry in subCgroups {
            let parts = entry.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let (controllers, path) = parts.count == 2 ? (parts[0], parts[1]) : ("", parts[0])
            guard !path.isEmpty, !path.split(separator: "/").contains("..") else {
                throw .invalidArgument("--cgroup \(entry): invalid sub-cgroup path")
            }
            if controllers.isEmpty {
                forAll = path
            } else {
                for controller in controllers.split(separator: ",") { perController[String(controller)] = path }
            }
        }
        var paths: [String: String] = [:]
        for (controller, directory) in set.paths {
            guard let sub = perController[controller] ?? forAll else { paths[controller] = directory; continue }
            let full = directory + "/" + sub.split(separator: "/").joined(separator: "/")
            guard (try? FileSystem.status(full))?.isDirectory == true else {
                throw .invalidArgument("--cgroup: sub-cgroup \(full) does not exist")
            }
            paths[controller] = full
        }
        return CgroupSet(restoringPaths: paths)
    }
}
