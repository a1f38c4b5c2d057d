import LinuxSys
import OCISpec

/// linux.namespaces entries with a `path`: setns into each, the user namespace first.
struct JoinNamespacesStage: SetupStage {
    let name = "namespaces"

    func run(_ context: SetupContext) throws(SetupFailure) {
        for join in context.plan.namespaces.joins {
            let kind = NamespaceKinds(rawValue: join.type.cloneFlag)
            try step("linux.namespaces (\(join.type.rawValue) \(join.path))") { () throws(SystemError) in
                try Namespaces.join(path: join.path, kind: kind)
            }
        }
    }
}
