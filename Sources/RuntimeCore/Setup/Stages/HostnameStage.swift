import LinuxSys

/// hostname and domainname (config.md), in the container's uts namespace (validation made sure it is new).
struct HostnameStage: SetupStage {
    let name = "hostname"

    func run(_ context: SetupContext) throws(SetupFailure) {
        if let hostname = context.plan.hostname, !hostname.isEmpty {
            try step("hostname") { () throws(SystemError) in try SystemIdentity.setHostname(hostname) }
        }
        if let domainname = context.plan.domainname, !domainname.isEmpty {
            try step("domainname") { () throws(SystemError) in try SystemIdentity.setDomainName(domainname) }
        }
    }
}
