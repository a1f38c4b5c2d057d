/// linux.seccomp: rules libseccomp would reject, or that could not work as written.
enum SeccompChecks {
    static func seccomp(_ spec: Spec) -> [ConfigProblem] {
        guard let seccomp = spec.linux?.seccomp else { return [] }
        var problems: [ConfigProblem] = []
        if seccomp.defaultErrnoRet != nil, !seccomp.defaultAction.acceptsErrnoRet {
            problems.append(.error("linux.seccomp.defaultErrnoRet", "only valid with SCMP_ACT_ERRNO or SCMP_ACT_TRACE, not \(seccomp.defaultAction.rawValue)"))
        }
        if seccomp.defaultAction == .notify {
            problems.append(.error("linux.seccomp.defaultAction", "SCMP_ACT_NOTIFY cannot be the default action"))
        }
        let syscalls = seccomp.syscalls ?? []
        for (index, syscall) in syscalls.enumerated() {
            problems += syscallProblems(syscall, path: indexed("linux.seccomp.syscalls", index))
        }
        let usesNotify = seccomp.defaultAction == .notify || syscalls.contains { $0.action == .notify }
        if usesNotify {
            if let listener = seccomp.listenerPath, !listener.isEmpty {
                if !isAbsolutePath(listener) {
                    problems.append(.error("linux.seccomp.listenerPath", "must be an absolute path, found \(quotedJSONString(listener))"))
                }
            } else {
                problems.append(.error("linux.seccomp.listenerPath", "required when SCMP_ACT_NOTIFY is used"))
            }
        }
        return problems
    }

    static func syscallProblems(_ syscall: LinuxSyscall, path: String) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        if syscall.names.isEmpty {
            problems.append(.error(path + ".names", "must not be empty"))
        }
        for (index, name) in syscall.names.enumerated() where name.isEmpty {
            problems.append(.error(indexed(path + ".names", index), "must not be empty"))
        }
        if syscall.errnoRet != nil, !syscall.action.acceptsErrnoRet {
            problems.append(.error(path + ".errnoRet", "only valid with SCMP_ACT_ERRNO or SCMP_ACT_TRACE, not \(syscall.action.rawValue)"))
        }
        // Syscalls take at most six arguments.
        for (index, arg) in (syscall.args ?? []).enumerated() where arg.index > 5 {
            problems.append(.error(indexed(path + ".args", index) + ".index", "\(arg.index) is outside 0…5"))
        }
        return problems
    }
}
