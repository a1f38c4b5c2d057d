import LinuxSys
import Seccomp

/// linux.seccomp: loads the filter the parent compiled. It appears twice in the pipeline and runs once: before
/// the capabilities are dropped when no_new_privs is off (the load needs CAP_SYS_ADMIN then), as the last stage
/// otherwise. With SCMP_ACT_NOTIFY the listener fd's number goes to the parent, which takes its own copy with
/// pidfd_getfd (the container's mount namespace hides listenerPath from us) and passes it on.
struct SeccompStage: SetupStage {
    enum Phase { case beforeCapabilitiesDrop, lastBeforeReady }
    let phase: Phase
    let name = "seccomp"

    func run(_ context: SetupContext) throws(SetupFailure) {
        guard let program = context.plan.seccomp else { return }
        let wantsPhase: Phase = context.plan.process.noNewPrivileges ? .lastBeforeReady : .beforeCapabilitiesDrop
        guard phase == wantsPhase else { return }
        let listener = try step("linux.seccomp") { () throws(SystemError) in try program.load() }
        guard let listener else { return }
        let channel = SyncChannel(fd: context.syncFD)
        try step("linux.seccomp.listenerPath") { () throws(SystemError) in try channel.send(.seccompListener(fd: listener)) }
        try channel.expect(.seccompListenerSent, stage: name)
        _ = try? FileDescriptor(adopting: listener).close()
    }
}
