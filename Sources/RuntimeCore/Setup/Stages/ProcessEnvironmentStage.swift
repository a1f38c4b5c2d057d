import LinuxSys

/// What the runtime adds to process.env: LISTEN_FDS/LISTEN_PID for socket activation, and HOME when process.env
/// has none — from the user's entry in the container's
/// /etc/passwd, "/" without one — what runc does, and what engines (and shells) rely on.
struct ProcessEnvironmentStage: SetupStage {
    let name = "env"

    func run(_ context: SetupContext) throws(SetupFailure) {
        let listenFds = context.plan.listenFds
        if listenFds > 0 {
            // Socket activation: the program finds its sockets at 3… and checks LISTEN_PID against its own pid.
            context.environment.removeAll { $0.hasPrefix("LISTEN_FDS=") || $0.hasPrefix("LISTEN_PID=") }
            context.environment += ["LISTEN_FDS=\(listenFds)", "LISTEN_PID=\(Processes.currentID)"]
        }
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
