import LinuxSys

/// process.oomScoreAdj, written to /proc/self/oom_score_adj (inherited by the init through fork).
struct OOMScoreStage: SetupStage {
    let name = "oom_score_adj"

    func run(_ context: SetupContext) throws(SetupFailure) {
        guard let score = context.plan.process.oomScoreAdj else { return }
        try step("process.oomScoreAdj") { () throws(SystemError) in
            try FileContents.write("/proc/self/oom_score_adj", String(score))
        }
    }
}
