import LinuxSys
import Cgroups

/// A `mounts` entry of type "cgroup" (docker, podman and `runc spec` always send one for /sys/fs/cgroup): the
/// operations the Cgroups module planned — on v1/hybrid a tmpfs with each hierarchy's directory of the
/// container's own cgroup bound under its host name, on v2 a cgroup2 mount in the container's cgroup namespace.
/// Every destination is resolved inside the rootfs, like any other mount target.
enum CgroupMount {
    static func mount(_ mount: MountPlan, root: borrowing FileDescriptor, context: SetupContext, stage: some SetupStage) throws(SetupFailure) {
        let where_ = "\(mount.configPath) (\(mount.destination))"
        guard let plan = context.plan.cgroupMounts[mount.index] else {
            throw stage.fail(where_, "no cgroup mount plan (the container has no cgroups)")
        }
        for operation in plan.operations {
            try stage.step(where_) { () throws(SystemError) in try run(operation, root: root) }
        }
    }

    private static func run(_ operation: CgroupMountPlan.Operation, root: borrowing FileDescriptor) throws(SystemError) {
        switch operation {
        case .tmpfs(let destination):
            let target = try RootedPaths.mkdirAll(inRoot: root, path: destination)
            try Mounts.mount(source: "tmpfs", target: target.procPath(), type: "tmpfs",
                             flags: [.noSetuid, .noDevices, .noExec], data: "mode=755")
        case .bind(let source, let destination, let readOnly):
            let target = try RootedPaths.mkdirAll(inRoot: root, path: destination)
            try Mounts.mount(source: source, target: target.procPath(), type: nil, flags: [.bind, .recursive])
            if readOnly {
                let bound = try root.openInRoot(destination)
                try Mounts.setAttributes(at: bound.rawValue, "", recursive: true, emptyPath: true,
                                         set: [.readOnly, .noSetuid, .noDevices, .noExec])
            }
        case .symlink(let target, let destination):
            let (parentPath, name) = PathText.parentAndName(destination)
            let parent = try RootedPaths.mkdirAll(inRoot: root, path: parentPath)
            do throws(SystemError) { try FileSystem.makeSymbolicLink(at: parent.rawValue, name, target: target) } catch where error.errno == .EEXIST {}
        case .cgroup2(let destination, let readOnly):
            let target = try RootedPaths.mkdirAll(inRoot: root, path: destination)
            var flags: MountFlags = [.noSetuid, .noDevices, .noExec]
            if readOnly { flags.insert(.readOnly) }
            try Mounts.mount(source: "cgroup2", target: target.procPath(), type: "cgroup2", flags: flags)
        case .remountReadOnly(let destination):
            let top = try root.openInRoot(destination)
            try Mounts.setAttributes(at: top.rawValue, "", emptyPath: true, set: .readOnly)
        }
    }
}
