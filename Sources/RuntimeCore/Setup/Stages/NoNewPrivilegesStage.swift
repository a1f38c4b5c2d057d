import LinuxSys

/// process.noNewPrivileges: PR_SET_NO_NEW_PRIVS, inherited across execve.
struct NoNewPrivilegesStage: SetupStage {
    let name = "noNewPrivileges"

    func run(_ context: SetupContext) throws(SetupFailure) {
        guard context.plan.process.noNewPrivileges else { return }
        try step("process.noNewPrivileges") { () throws(SystemError) in try ProcessControl.setNoNewPrivileges() }
    }
}
