import LinuxSys

/// linux.maskedPaths: a directory gets an empty read-only tmpfs over it, a file /dev/null bound over it.
/// Resolved inside the container's root (no symlink can redirect the mask, nor make it miss its target).
struct MaskedPathsStage: SetupStage {
    let name = "maskedPaths"

    func run(_ context: SetupContext) throws(SetupFailure) {
        try forEachPathInRoot(context.plan.maskedPaths, configKey: "linux.maskedPaths") { (_, target, _) throws(SystemError) in
            if try target.status().isDirectory {
                try Mounts.mount(source: "tmpfs", target: target.procPath(), type: "tmpfs", flags: .readOnly)
            } else {
                try Mounts.mount(source: "/dev/null", target: target.procPath(), type: nil, flags: .bind)
            }
        }
    }
}
