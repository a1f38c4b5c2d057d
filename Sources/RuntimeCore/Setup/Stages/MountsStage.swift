import LinuxSys
import Glibc

/// `mounts`, in order. Every target is resolved inside the rootfs with openat2(RESOLVE_IN_ROOT) and mounted
/// through its /proc/self/fd path, so a symlink in the rootfs cannot redirect a mount to the host
/// (the CVE-2021-30465 class).
struct MountsStage: SetupStage {
    let name = "mounts"

    func run(_ context: SetupContext) throws(SetupFailure) {
        let plan = context.plan
        let root = try step("root.path") { () throws(SystemError) in
            try FileDescriptor.open(plan.rootfs, OpenFlag.path | O_DIRECTORY)
        }
        for mount in plan.mounts {
            try self.mount(mount, root: root, context: context)
        }
    }

    private func mount(_ mount: MountPlan, root: borrowing FileDescriptor, context: SetupContext) throws(SetupFailure) {
        let where_ = "\(mount.configPath) (\(mount.destination))"
        if mount.type == "cgroup" {
            try CgroupMount.mount(mount, root: root, context: context, stage: self)
            return
        }
        let target = try step(where_) { () throws(SystemError) in
            mount.kind == .bind && !mount.sourceIsDirectory
                ? try RootedPaths.createFile(inRoot: root, path: mount.destination)
                : try RootedPaths.mkdirAll(inRoot: root, path: mount.destination)
        }
        let options = mount.options
        if let idmap = mount.idmap {
            try step(where_) { () throws(SystemError) in try Self.idmappedBind(mount, idmap: idmap, target: target) }
            try applyAttributes(mount, root: root, where_: where_)
            return
        }
        try step(where_) { () throws(SystemError) in
            switch mount.kind {
            case .bind:
                try Mounts.mount(source: mount.source, target: target.procPath(), type: nil,
                                 flags: options.flags.intersection([.bind, .recursive]))
            case .filesystem:
                let flags = options.flags.subtracting(MountFlags.propagationMask.union([.bind, .remount]))
                try Mounts.mount(source: mount.source.isEmpty ? mount.type : mount.source, target: target.procPath(),
                                 type: mount.type, flags: flags, data: options.data.isEmpty ? nil : options.data)
            }
        }
        try applyAttributes(mount, root: root, where_: where_)
    }

    /// What cannot be said in the first mount(2) call: per-mount flags of a bind (a bind ignores them), the
    /// propagation type, and the recursive r* attributes.
    private func applyAttributes(_ mount: MountPlan, root: borrowing FileDescriptor, where_: String) throws(SetupFailure) {
        let options = mount.options
        let bindAttributes = mount.kind == .bind ? Self.attributes(of: options.flags) : []
        guard !bindAttributes.isEmpty || !options.propagation.isEmpty
            || !options.recursiveSet.isEmpty || !options.recursiveClear.isEmpty else { return }
        // Re-resolve: the target is now the root of the new mount.
        let mounted = try step(where_) { () throws(SystemError) in try root.openInRoot(mount.destination) }
        try step(where_) { () throws(SystemError) in
            if !bindAttributes.isEmpty {
                try Mounts.setAttributes(at: mounted.rawValue, "", emptyPath: true, set: bindAttributes)
            }
            for propagation in options.propagation {
                try Mounts.mount(source: nil, target: mounted.procPath(), type: nil, flags: propagation)
            }
            if !options.recursiveSet.isEmpty || !options.recursiveClear.isEmpty {
                try Mounts.setAttributes(at: mounted.rawValue, "", recursive: true, emptyPath: true,
                                         set: options.recursiveSet, clear: options.recursiveClear)
            }
        }
    }

    /// A detached copy of the source (open_tree), idmapped while nobody can see it yet, then attached at the target.
    private static func idmappedBind(_ mount: MountPlan, idmap: IDMapPlan, target: borrowing FileDescriptor) throws(SystemError) {
        let userNamespace = try IDMapUserNamespace.open(uidMappings: idmap.uidMappings, gidMappings: idmap.gidMappings)
        let tree = try Mounts.openTree(mount.source, flags: mount.options.flags.contains(.recursive) ? [.clone, .recursive] : .clone)
        try Mounts.setAttributes(at: tree.rawValue, "", recursive: idmap.recursive, emptyPath: true,
                                 set: .idMap, userNamespaceFD: userNamespace.rawValue)
        try Mounts.moveMount(from: tree.rawValue, "", to: target.rawValue, "", flags: [.fromEmptyPath, .toEmptyPath])
    }

    /// mount(2) per-mount flags as mount_setattr(2) attributes (a bind mount takes them only this way or by remount).
    static func attributes(of flags: MountFlags) -> MountAttributes {
        var attributes: MountAttributes = []
        if flags.contains(.readOnly) { attributes.insert(.readOnly) }
        if flags.contains(.noSetuid) { attributes.insert(.noSetuid) }
        if flags.contains(.noDevices) { attributes.insert(.noDevices) }
        if flags.contains(.noExec) { attributes.insert(.noExec) }
        if flags.contains(.noDirectoryAccessTime) { attributes.insert(.noDirectoryAccessTime) }
        if flags.contains(.noAccessTime) { attributes.insert(.noAccessTime) }
        if flags.contains(.strictAccessTime) { attributes.insert(.strictAccessTime) }
        if flags.contains(.noSymlinkFollow) { attributes.insert(.noSymlinkFollow) }
        return attributes
    }
}
