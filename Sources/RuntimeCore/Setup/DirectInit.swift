import LinuxSys
import Glibc

/// The container init cloned by the parent straight into its new namespaces (no child 1): possible when nothing
/// has to happen between the namespaces' creation and the init's fork — no user namespace (whose maps the parent
/// writes in between), no namespace joined by path (setns of a pid namespace applies to children only), no time
/// namespace (its offsets must be written before a process lives in it). One fork and one exit fewer per
/// create. Runs child 1's stages itself (rlimits, oom_score_adj, and the cgroup namespace, unshared only once the
/// parent has put it in its cgroups), then is the init. Never returns.
enum DirectInit {
    /// Whether `namespaces` allows it.
    static func isPossible(_ namespaces: NamespacePlan) -> Bool {
        !namespaces.newUser && !namespaces.newTime && namespaces.joins.isEmpty
    }

    /// What the clone creates: everything but the cgroup namespace, which must be unshared inside the cgroups,
    /// and a network namespace made beforehand (joined by JoinNamespacesStage).
    static func cloneNamespaces(_ namespaces: NamespacePlan) -> NamespaceKinds {
        var kinds = NamespaceKinds(rawValue: namespaces.unshareFlags).subtracting(.cgroup)
        if namespaces.madeNetworkFD != nil { kinds.remove(.network) }
        return kinds
    }

    /// In the new pid namespace getppid() is 0, so a parent that died before the death signal was set shows as
    /// EOF on the sync socket instead (its only other end is the parent's), at the `proceed` below.
    static func run(plan: SetupPlan, syncFD: Int32, execFifoFD: Int32, inheritedFDs: [Int32]) -> Never {
        for fd in inheritedFDs { close(fd) }
        var remaining = plan
        remaining.namespaces.unshareFlags &= NamespaceKinds.cgroup.rawValue
        let context = SetupContext(plan: remaining, syncFD: syncFD, execFifoFD: execFifoFD)
        let channel = SyncChannel(fd: syncFD)
        do throws(SetupFailure) {
            try NamespaceChild.runNamespaceStages(context, channel: channel, parentPid: nil)
        } catch {
            try? channel.send(.failed(error))
            Processes.exitImmediately(1)
        }
        InitProcess.run(context: context, awaitPidRecorded: false)
    }
}
