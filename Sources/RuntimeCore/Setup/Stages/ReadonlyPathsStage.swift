import LinuxSys

/// linux.readonlyPaths: each path bound onto itself and made read-only with mount_setattr, which changes only
/// MOUNT_ATTR_RDONLY (a remount would have to repeat locked flags such as nosuid inside a user namespace).
/// Paths are resolved inside the container's root, so a symlink cannot point the bind elsewhere.
struct ReadonlyPathsStage: SetupStage {
    let name = "readonlyPaths"

    func run(_ context: SetupContext) throws(SetupFailure) {
        try forEachPathInRoot(context.plan.readonlyPaths, configKey: "linux.readonlyPaths") { (root, target, path) throws(SystemError) in
            try Mounts.mount(source: target.procPath(), target: target.procPath(), type: nil, flags: [.bind, .recursive])
            let mounted = try root.openInRoot(path)
            try Mounts.setAttributes(at: mounted.rawValue, "", recursive: true, emptyPath: true, set: .readOnly)
        }
    }
}
