import OCISpec
import LinuxSys

/// The create-time hooks, at the sync point config.md places them: the mounts are done and pivot_root is next.
/// prestart and createRuntime run in the runtime's namespaces, so the init asks the parent (`createRuntimeHooks`)
/// and waits; createContainer must run in the container's namespaces, so the init runs it itself, while the
/// host's paths still resolve (before pivot_root) — as runc's prepareRootfs does.
struct CreateHooksStage: SetupStage {
    let name = "hooks"

    func run(_ context: SetupContext) throws(SetupFailure) {
        let hooks = context.plan.spec.hooks
        if !LifecycleHooks.isEmpty(hooks, [.prestart, .createRuntime]) {
            let channel = SyncChannel(fd: context.syncFD)
            try step { () throws(SystemError) in try channel.send(.createRuntimeHooks) }
            try channel.expect(.createRuntimeHooksDone, stage: name)
        }
        guard !LifecycleHooks.isEmpty(hooks, [.createContainer]) else { return }
        // runtime.md: for hooks run in the container namespace the pid is the one seen there.
        let state = HookState.json(plan: context.plan, status: .creating, pid: Processes.currentID)
        do { try LifecycleHooks.run(.createContainer, of: hooks, state: state) } catch {
            throw SetupFailure(stage: "createContainer hook", configPath: "hooks.createContainer[\(error.index)]", detail: error.description)
        }
    }

    /// The parent's half of the sync point: prestart (deprecated, still run first), then createRuntime.
    static func runInParent(plan: SetupPlan, initPid: Int32) throws(SetupFailure) {
        let state = HookState.json(plan: plan, status: .creating, pid: initPid)
        for kind in [HookKind.prestart, .createRuntime] {
            do { try LifecycleHooks.run(kind, of: plan.spec.hooks, state: state) } catch {
                throw SetupFailure(stage: "\(kind.rawValue) hook", configPath: "hooks.\(kind.rawValue)[\(error.index)]", detail: error.description)
            }
        }
    }
}

extension HookState {
    /// The state during create and start, from the plan (the record may not say `created` yet).
    static func json(plan: SetupPlan, status: ContainerStatus, pid: Int32) -> [UInt8] {
        json(ociVersion: plan.spec.ociVersion, id: plan.id, status: status, pid: pid, bundle: plan.bundle,
             annotations: plan.spec.annotations)
    }
}
