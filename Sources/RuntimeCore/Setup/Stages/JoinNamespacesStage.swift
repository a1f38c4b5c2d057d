import LinuxSys
import OCISpec
import Glibc

/// linux.namespaces entries with a `path`: setns into each, the user namespace first. Also the new network
/// namespace the parent made beforehand (EarlyNetworkNamespace), if any: the entry without a path.
struct JoinNamespacesStage: SetupStage {
    let name = "namespaces"

    func run(_ context: SetupContext) throws(SetupFailure) {
        if let made = context.plan.namespaces.madeNetworkFD {
            try step("linux.namespaces (network)") { () throws(SystemError) in
                try Namespaces.setns(fd: made, kind: .network)
                _ = Glibc.close(made)
            }
        }
        for join in context.plan.namespaces.joins {
            let kind = NamespaceKinds(rawValue: join.type.cloneFlag)
            try step("linux.namespaces (\(join.type.rawValue) \(join.path))") { () throws(SystemError) in
                try Namespaces.join(path: join.path, kind: kind)
            }
        }
    }
}
