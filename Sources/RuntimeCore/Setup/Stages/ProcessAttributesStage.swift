import LinuxSys

/// linux.personality, process.scheduler and process.ioPriority: attributes the exec'd program inherits.
struct ProcessAttributesStage: SetupStage {
    let name = "process attributes"

    func run(_ context: SetupContext) throws(SetupFailure) {
        let process = context.plan.process
        if let persona = process.personality {
            try step("linux.personality") { () throws(SystemError) in _ = try SystemIdentity.setPersonality(persona) }
        }
        if let scheduler = process.scheduler {
            guard let policy = SchedulerAttributes.policy(named: scheduler.policy.rawValue) else {
                throw fail("process.scheduler.policy", "unknown policy \(scheduler.policy.rawValue)")
            }
            let flags = (scheduler.flags ?? []).reduce(UInt64(0)) { $0 | (SchedulerAttributes.flag(named: $1.rawValue) ?? 0) }
            let attributes = SchedulerAttributes(
                policy: policy, flags: flags, nice: scheduler.nice ?? 0, priority: UInt32(max(0, scheduler.priority ?? 0)),
                runtime: scheduler.runtime ?? 0, deadline: scheduler.deadline ?? 0, period: scheduler.period ?? 0)
            try step("process.scheduler") { () throws(SystemError) in try attributes.apply() }
        }
        if let ioPriority = process.ioPriority {
            guard let ioClass = IOPriority.ioClass(named: ioPriority.class.rawValue) else {
                throw fail("process.ioPriority.class", "unknown class \(ioPriority.class.rawValue)")
            }
            try step("process.ioPriority") { () throws(SystemError) in
                try IOPriority.set(ioClass: ioClass, level: ioPriority.priority ?? 0)
            }
        }
    }
}
