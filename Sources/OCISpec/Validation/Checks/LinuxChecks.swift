/// Smaller linux.* sections: intelRdt, memoryPolicy.
enum LinuxChecks {
    static func intelRdt(_ spec: Spec) -> [ConfigProblem] {
        guard let rdt = spec.linux?.intelRdt else { return [] }
        var problems: [ConfigProblem] = []
        if let schema = rdt.memBwSchema, !schema.hasPrefix("MB:") || schema.contains("\n") {
            problems.append(.error("linux.intelRdt.memBwSchema", "must start with \"MB:\" and hold no newline"))
        }
        if let schema = rdt.l3CacheSchema, schema.contains("\n") {
            problems.append(.error("linux.intelRdt.l3CacheSchema", "must not contain a newline"))
        }
        for (index, line) in (rdt.schemata ?? []).enumerated() where line.contains("\n") {
            problems.append(.error(indexed("linux.intelRdt.schemata", index), "must not contain a newline"))
        }
        return problems
    }

    /// MPOL_DEFAULT and MPOL_LOCAL take no nodes; bind/interleave/preferred-many need some.
    static func memoryPolicy(_ spec: Spec) -> [ConfigProblem] {
        guard let policy = spec.linux?.memoryPolicy else { return [] }
        let nodes = policy.nodes ?? ""
        if policy.mode.requiresNodes && nodes.isEmpty {
            return [.error("linux.memoryPolicy.nodes", "required for \(policy.mode.rawValue)")]
        }
        if policy.mode.forbidsNodes && !nodes.isEmpty {
            return [.error("linux.memoryPolicy.nodes", "must be empty for \(policy.mode.rawValue)")]
        }
        if !isValidCPUList(nodes) {
            return [.error("linux.memoryPolicy.nodes", "invalid node list \(quotedJSONString(nodes))")]
        }
        return []
    }
}
