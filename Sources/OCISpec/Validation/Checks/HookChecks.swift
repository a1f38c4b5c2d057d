/// hooks.*: absolute paths (hooks run in the runtime namespace, no PATH search) and positive timeouts.
enum HookChecks {
    static func hooks(_ spec: Spec) -> [ConfigProblem] {
        guard let hooks = spec.hooks else { return [] }
        var problems: [ConfigProblem] = []
        for kind in HookKind.allCases {
            for (index, hook) in hooks[kind].enumerated() {
                let path = indexed("hooks.\(kind.rawValue)", index)
                if !isAbsolutePath(hook.path) {
                    problems.append(.error(path + ".path", "must be an absolute path, found \(quotedJSONString(hook.path))"))
                }
                if let timeout = hook.timeout, timeout <= 0 {
                    problems.append(.error(path + ".timeout", "must be greater than 0, found \(timeout)"))
                }
            }
        }
        return problems
    }
}
