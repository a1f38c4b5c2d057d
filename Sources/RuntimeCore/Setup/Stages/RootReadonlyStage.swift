import LinuxSys

/// root.readonly: the container's "/" mount becomes read-only (the mounts on top of it keep their own flags).
struct RootReadonlyStage: SetupStage {
    let name = "root.readonly"

    func run(_ context: SetupContext) throws(SetupFailure) {
        guard context.plan.rootReadonly else { return }
        try step("root.readonly") { () throws(SystemError) in
            try Mounts.setAttributes("/", set: .readOnly)
        }
    }
}
