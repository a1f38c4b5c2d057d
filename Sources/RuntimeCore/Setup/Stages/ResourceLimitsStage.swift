import LinuxSys

/// process.rlimits, set with prlimit on ourselves; the container init inherits them through fork.
struct ResourceLimitsStage: SetupStage {
    let name = "rlimits"

    func run(_ context: SetupContext) throws(SetupFailure) {
        for (index, rlimit) in context.plan.process.rlimits.enumerated() {
            let path = "process.rlimits[\(index)]"
            guard let kind = ResourceLimitKind(rawValue: rlimit.type.kernelValue) else {
                throw fail(path, "unknown rlimit \(rlimit.type.rawValue)")
            }
            do {
                try ResourceLimit.set(kind, ResourceLimit(soft: rlimit.soft, hard: rlimit.hard))
            } catch {
                var detail = "setrlimit \(rlimit.type.rawValue): \(error.errno)"
                if error.errno == .EPERM, let current = try? ResourceLimit.get(kind) {
                    detail += " (raising the hard limit above \(current.hard) needs CAP_SYS_RESOURCE, which this host does not grant)"
                }
                throw fail(path, detail)
            }
        }
    }
}
