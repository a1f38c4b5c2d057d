/// linux.sysctl: only namespaced sysctls, and only when the container has that namespace —
/// otherwise the write would change the host (runc's validator rule).
enum SysctlChecks {
    /// System V IPC and POSIX message queue sysctls, namespaced by the IPC namespace.
    static let ipcSysctls: Set<String> = [
        "kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem",
        "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced",
    ]

    static func sysctl(_ spec: Spec) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        for key in (spec.linux?.sysctl ?? [:]).keys.sorted() {
            if let message = problem(forKey: key, in: spec) {
                problems.append(.error(member("linux.sysctl", key), message))
            }
        }
        return problems
    }

    /// nil when `key` may be set in this container.
    static func problem(forKey key: String, in spec: Spec) -> String? {
        // "net/ipv4/ip_forward" and "net.ipv4.ip_forward" name the same file.
        let name = key.replacingSlashesWithDots()
        if ipcSysctls.contains(name) || name.hasPrefix("fs.mqueue.") {
            return spec.hasNamespace(.ipc) ? nil : "requires an ipc namespace in linux.namespaces (it would change the host)"
        }
        if name.hasPrefix("net.") {
            return spec.hasNamespace(.network) ? nil : "requires a network namespace in linux.namespaces (it would change the host)"
        }
        if name == "kernel.hostname" || name == "kernel.domainname" {
            return spec.hasNamespace(.uts) ? nil : "requires a uts namespace in linux.namespaces (it would change the host)"
        }
        return "is not namespaced; setting it would change the host"
    }
}

extension String {
    func replacingSlashesWithDots() -> String {
        String(map { $0 == "/" ? "." : $0 })
    }
}
