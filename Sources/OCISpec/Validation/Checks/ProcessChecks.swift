/// process.*: what the container process is started with.
enum ProcessChecks {
    static func args(_ spec: Spec) -> [ConfigProblem] {
        guard let process = spec.process else { return [] }
        if (process.args ?? []).isEmpty {
            return [.error("process.args", "must not be empty")]
        }
        return []
    }

    static func cwd(_ spec: Spec) -> [ConfigProblem] {
        guard let process = spec.process, !isAbsolutePath(process.cwd) else { return [] }
        return [.error("process.cwd", "must be an absolute path, found \(quotedJSONString(process.cwd))")]
    }

    static func rlimits(_ spec: Spec) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        var firstIndex: [RlimitType: Int] = [:]
        for (index, rlimit) in (spec.process?.rlimits ?? []).enumerated() {
            let path = indexed("process.rlimits", index)
            if rlimit.soft > rlimit.hard {
                problems.append(.error(path, "soft limit \(rlimit.soft) exceeds hard limit \(rlimit.hard)"))
            }
            if let first = firstIndex[rlimit.type] {
                problems.append(.error(path + ".type", "duplicate rlimit \(rlimit.type.rawValue) (also at process.rlimits[\(first)])"))
            } else {
                firstIndex[rlimit.type] = index
            }
        }
        return problems
    }

    /// The kernel accepts -1000…1000 in /proc/<pid>/oom_score_adj.
    static func oomScoreAdj(_ spec: Spec) -> [ConfigProblem] {
        guard let score = spec.process?.oomScoreAdj, !(-1000...1000).contains(score) else { return [] }
        return [.error("process.oomScoreAdj", "\(score) is outside -1000…1000")]
    }

    static func ioPriority(_ spec: Spec) -> [ConfigProblem] {
        guard let priority = spec.process?.ioPriority?.priority, !(0...7).contains(priority) else { return [] }
        return [.error("process.ioPriority.priority", "\(priority) is outside 0…7")]
    }

    static func scheduler(_ spec: Spec) -> [ConfigProblem] {
        guard let scheduler = spec.process?.scheduler else { return [] }
        var problems: [ConfigProblem] = []
        if let nice = scheduler.nice, !(-20...19).contains(nice) {
            problems.append(.error("process.scheduler.nice", "\(nice) is outside -20…19"))
        }
        let realtime = scheduler.policy == .fifo || scheduler.policy == .rr
        if let priority = scheduler.priority, priority != 0, !realtime {
            problems.append(.error("process.scheduler.priority", "only SCHED_FIFO and SCHED_RR take a priority"))
        }
        if realtime, let priority = scheduler.priority, !(1...99).contains(priority) {
            problems.append(.error("process.scheduler.priority", "\(priority) is outside 1…99 for \(scheduler.policy.rawValue)"))
        }
        if scheduler.policy != .deadline && (scheduler.runtime != nil || scheduler.deadline != nil || scheduler.period != nil) {
            problems.append(.error("process.scheduler", "runtime, deadline and period are only valid with SCHED_DEADLINE"))
        }
        return problems
    }

    static func execCPUAffinity(_ spec: Spec) -> [ConfigProblem] {
        guard let affinity = spec.process?.execCPUAffinity else { return [] }
        var problems: [ConfigProblem] = []
        for (name, list) in [("initial", affinity.initial), ("final", affinity.final)] {
            if let list, !isValidCPUList(list) {
                problems.append(.error("process.execCPUAffinity.\(name)", "invalid CPU list \(quotedJSONString(list))"))
            }
        }
        return problems
    }
}
