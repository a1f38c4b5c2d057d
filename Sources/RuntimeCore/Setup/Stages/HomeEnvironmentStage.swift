import LinuxSys

/// HOME for the container's program when process.env has none: from the user's entry in the container's
/// /etc/passwd, "/" without one — what runc does, and what engines (and shells) rely on.
struct HomeEnvironmentStage: SetupStage {
    let name = "env"

    func run(_ context: SetupContext) throws(SetupFailure) {
        guard !context.environment.contains(where: { $0.hasPrefix("HOME=") }) else { return }
        let uid = context.plan.process.uid
        context.environment.append("HOME=" + (Self.home(of: uid, passwd: try? FileContents.readString("/etc/passwd")) ?? "/"))
    }

    /// The home field (6th) of the first passwd line whose uid field (3rd) is `uid`.
    static func home(of uid: UInt32, passwd: String?) -> String? {
        for line in (passwd ?? "").split(separator: "\n") {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            if fields.count >= 6, UInt32(fields[2]) == uid, !fields[5].isEmpty { return String(fields[5]) }
        }
        return nil
    }
}
