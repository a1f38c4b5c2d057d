import LinuxSys
import OCISpec

/// linux.namespaces "network" without a path, made while create goes on with its own work (NamespaceMaker) and
/// joined by the init, instead of created inside the container's clone3: about 0.5 ms (the namespace's sysctl
/// tables) leaves the critical path of every create. Only where the init is cloned straight into its namespaces
/// (DirectInit): with a user namespace the network namespace must belong to it, so the clone makes it as before.
/// If the side task cannot start or fails, the clone makes the namespace as before and reports its own error.
/// Nor with a single CPU to run on: the task would only take turns with the parent (one clone and exit more).
struct EarlyNetworkNamespace: ~Copyable {
    private var maker: NamespaceMaker?

    /// Decided from the config's namespaces alone (the plan builder's own reading of them): a config with a
    /// namespace problem starts nothing, its build fails anyway.
    init(for linux: Linux?) {
        var problems: [ConfigProblem] = []
        let namespaces = SetupPlanBuilder.planNamespaces(linux, problems: &problems)
        guard problems.isEmpty, DirectInit.isPossible(namespaces),
              NamespaceKinds(rawValue: namespaces.unshareFlags).contains(.network) else {
            maker = nil
            return
        }
        guard ((try? CPUSet.affinityCount()) ?? 0) > 1 else {
            Log.debug("network namespace: one CPU to run on, the clone makes it")
            maker = nil
            return
        }
        do { maker = try NamespaceMaker.start(.network) } catch {
            Log.debug("network namespace on the side: \(error); the clone makes it")
            maker = nil
        }
    }

    /// Waits for the namespace: its fd, which the caller now owns (raw: a forked child must not close it when a
    /// Swift owner would go away in it), or nil: the clone makes the namespace then.
    consuming func release() -> Int32? {
        guard let maker = maker.take() else { return nil }
        do { return try maker.finish().release() } catch {
            Log.debug("network namespace on the side: \(error); the clone makes it")
            return nil
        }
    }
}
