import Glibc

/// How long one setup stage took (`--debug`). The stages run in the children, where stderr may already be the
/// container's terminal, so the init sends them all to the parent (`stageTimings`, before `ready`), which logs them.
struct StageTiming: Equatable {
    var stage: String
    var nanoseconds: UInt64

    var description: String {
        let microseconds = nanoseconds / 1_000
        let fraction = String(microseconds % 1_000)
        return "setup stage \(stage): \(microseconds / 1_000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction) ms"
    }

    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// To the log at debug level and, when the log is a file, to stderr as well (never stdout).
    static func report(_ timings: [StageTiming]) {
        for timing in timings {
            Log.debug(timing.description)
            if Log.isDebugEnabled && Log.writesToFile { Log.writeWhole("swiftlet: \(timing.description)\n", to: STDERR_FILENO) }
        }
    }
}

extension SetupPipeline {
    /// Runs `stages` in order; with --debug, adds each one's duration to `context.stageTimings`.
    static func run(_ stages: [any SetupStage], _ context: SetupContext) throws(SetupFailure) {
        guard Log.isDebugEnabled else {
            for stage in stages { try stage.run(context) }
            return
        }
        for stage in stages {
            let start = StageTiming.now()
            try stage.run(context)
            // The type too: some stages share the name their failures are reported under ("namespaces").
            let label = "\(stage.name) (\(type(of: stage)))"
            context.stageTimings.append(StageTiming(stage: label, nanoseconds: StageTiming.now() - start))
        }
    }
}
