import OCISpec

/// SCMP_ACT_NOTIFY suspends the caller until an agent answers through the listener fd. Between loading the filter
/// and handing that fd over, the container process itself still makes syscalls: if one of them were notified nobody
/// could answer it and create would hang. Hence runc's and youki's two refusals, kept here with the listener rules.
enum NotifyRules {
    /// The child reports the listener fd number to the parent with write(2) after loading the filter.
    static let syscallsUsedBeforeHandover: Set<String> = ["write"]

    static func check(_ config: LinuxSeccomp) throws(SeccompError) {
        let root = FilterCompiler.root
        if config.defaultAction == .notify {
            throw SeccompError(
                configPath: "\(root).defaultAction", detail: "SCMP_ACT_NOTIFY cannot be used as the default action")
        }
        var usesNotify = false
        for (index, rule) in (config.syscalls ?? []).enumerated() where rule.action == .notify {
            usesNotify = true
            if let nameIndex = rule.names.firstIndex(where: syscallsUsedBeforeHandover.contains) {
                throw SeccompError(
                    configPath: "\(root).syscalls[\(index)].names[\(nameIndex)]",
                    detail: "SCMP_ACT_NOTIFY cannot be used for \(rule.names[nameIndex]): the runtime needs it before the agent has the listener")
            }
        }
        if usesNotify && config.listenerPath == nil {
            throw SeccompError(configPath: "\(root).listenerPath", detail: "required when SCMP_ACT_NOTIFY is used")
        }
        if config.listenerMetadata != nil && config.listenerPath == nil {
            throw SeccompError(configPath: "\(root).listenerMetadata", detail: "must not be set without listenerPath")
        }
    }

    /// Whether the filter returns SECCOMP_RET_USER_NOTIF for some call, so loading it must create a listener.
    static func usesNotify(_ config: LinuxSeccomp) -> Bool {
        (config.syscalls ?? []).contains { $0.action == .notify }
    }
}
