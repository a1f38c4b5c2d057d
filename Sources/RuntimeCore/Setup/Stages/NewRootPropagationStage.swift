import LinuxSys

/// linux.rootfsPropagation on the container's "/" once it is the root. Before pivot_root the kernel refuses
/// a shared new root and an unbindable rootfs cannot be bind-mounted onto itself (runc 1.1 fails both), so
/// RootPropagationStage only isolates the mount namespace and this stage gives the new root its propagation.
struct NewRootPropagationStage: SetupStage {
    let name = "rootfs"

    func run(_ context: SetupContext) throws(SetupFailure) {
        guard context.plan.spec.linux?.rootfsPropagation != nil else { return }
        let propagation = context.plan.rootPropagation
        try step("linux.rootfsPropagation") { () throws(SystemError) in
            try Mounts.mount(source: nil, target: "/", type: nil, flags: propagation)
        }
    }
}
