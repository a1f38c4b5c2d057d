import CSeccomp
import OCISpec

extension LinuxSeccompAction {
    /// libseccomp's SCMP_ACT_* value; ERRNO and TRACE carry `errnoRet` (EPERM when absent, as runc and crun do).
    func libseccompValue(errnoRet: UInt32?) -> UInt32 {
        let code = errnoRet ?? 1  // EPERM
        switch self {
        case .kill, .killThread: return SCMP_ACT_KILL_THREAD
        case .killProcess: return SCMP_ACT_KILL_PROCESS
        case .trap: return SCMP_ACT_TRAP
        case .errno: return csc_act_errno(code)
        case .trace: return csc_act_trace(code)
        case .allow: return SCMP_ACT_ALLOW
        case .log: return SCMP_ACT_LOG
        case .notify: return SCMP_ACT_NOTIFY
        }
    }
}

/// The action value for one config entry, rejecting an errnoRet the action cannot carry (config-linux.md: "MUST print
/// an error and fail") and one that does not fit the 16 bits of SECCOMP_RET_DATA.
func encodedAction(
    _ action: LinuxSeccompAction, errnoRet: UInt32?, errnoRetPath: String
) throws(SeccompError) -> UInt32 {
    if let errnoRet {
        guard action.acceptsErrnoRet else {
            throw SeccompError(
                configPath: errnoRetPath,
                detail: "errnoRet is only valid with SCMP_ACT_ERRNO or SCMP_ACT_TRACE, not \(action.rawValue)")
        }
        guard errnoRet <= 0xFFFF else {
            throw SeccompError(configPath: errnoRetPath, detail: "\(errnoRet) does not fit in 16 bits")
        }
    }
    return action.libseccompValue(errnoRet: errnoRet)
}
