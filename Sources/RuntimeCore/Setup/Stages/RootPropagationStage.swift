import LinuxSys

/// Makes "/" slave (or what rootfsPropagation says) so no mount of ours reaches the host, then binds the
/// rootfs onto itself: pivot_root needs a mount point, and the bind keeps the bundle's directory untouched.
struct RootPropagationStage: SetupStage {
    let name = "rootfs"

    func run(_ context: SetupContext) throws(SetupFailure) {
        let plan = context.plan
        try step("linux.rootfsPropagation") { () throws(SystemError) in
            try Mounts.mount(source: nil, target: "/", type: nil, flags: Self.beforePivot(plan.rootPropagation))
        }
        if plan.rootPropagation.contains(.shared) {
            // pivot_root refuses a new root whose parent mount is shared.
            try step("linux.rootfsPropagation") { () throws(SystemError) in
                try Mounts.mount(source: nil, target: parentMountPoint(of: plan.rootfs), type: nil, flags: .private)
            }
        }
        try step("root.path") { () throws(SystemError) in
            try Mounts.mount(source: plan.rootfs, target: plan.rootfs, type: nil, flags: [.bind, .recursive])
        }
    }

    /// "/" cannot be unbindable yet: the rootfs is bind-mounted onto itself below, and the kernel refuses to
    /// bind an unbindable mount (EINVAL). Private propagates nothing either; PivotRootStage makes the new root
    /// unbindable once it is "/".
    static func beforePivot(_ propagation: MountFlags) -> MountFlags {
        guard propagation.contains(.unbindable) else { return propagation }
        return propagation.subtracting(.unbindable).union(.private)
    }

    /// The mount point under which `path` lives (the longest matching mount point in mountinfo).
    private func parentMountPoint(of path: String) throws(SystemError) -> String {
        let directory = PathText.parentAndName(path).parent
        var best = "/"
        for mount in try MountInfo.read() {
            let point = mount.mountPoint
            if (directory == point || directory.hasPrefix(point == "/" ? "/" : point + "/")) && point.count > best.count {
                best = point
            }
        }
        return best
    }
}
