import LinuxSys

/// linux.timeOffsets for a new time namespace: /proc/self/timens_offsets describes the namespace our
/// children will enter, and is writable only until the first of them does.
struct TimeOffsetsStage: SetupStage {
    let name = "time offsets"

    func run(_ context: SetupContext) throws(SetupFailure) {
        let namespaces = context.plan.namespaces
        guard namespaces.newTime, !namespaces.timeOffsets.isEmpty else { return }
        var text = ""
        for (clock, offset) in namespaces.timeOffsets.sorted(by: { $0.key < $1.key }) {
            text += "\(clock) \(offset.secs ?? 0) \(offset.nanosecs ?? 0)\n"
        }
        try step("linux.timeOffsets") { () throws(SystemError) in
            try FileContents.write("/proc/self/timens_offsets", text)
        }
    }
}
