import OCISpec
import LinuxSys
import Glibc

/// startContainer hooks, in the init once `start` has opened the exec fifo and before the user's program is
/// exec'd (inside the container, as config.md asks). The fifo then carries the verdict to `start`: "0" and the
/// exec follows, or "1" and the error text, so `start` fails with the hook's message and the container stops.
/// In `run` the sync socket carries it instead (`started` or `failed`, see InitProcess).
enum StartContainerHooks {
    static let success: UInt8 = 0x30
    static let failure: UInt8 = 0x31

    /// Runs the hooks and writes the verdict on the fifo; returns whether the exec may go on.
    static func run(context: SetupContext, fifo: Int32) -> Bool {
        var verdict = [success]
        if let error = runHooks(context) {
            // One write of at most PIPE_BUF bytes: `start` reads it whole.
            verdict = [failure] + Array(error.utf8.prefix(Int(PIPE_BUF) - 1))
        }
        let written = verdict.withUnsafeBytes { write(fifo, $0.baseAddress, $0.count) }
        return written == verdict.count && verdict.first == success
    }

    /// Runs the hooks (if any); nil when the exec may go on, else the hook's error.
    static func runHooks(_ context: SetupContext) -> String? {
        let hooks = context.plan.spec.hooks
        guard !LifecycleHooks.isEmpty(hooks, [.startContainer]) else { return nil }
        let state = HookState.json(plan: context.plan, status: .created, pid: Processes.currentID)
        do { try LifecycleHooks.run(.startContainer, of: hooks, state: state) } catch { return error.description }
        return nil
    }

    /// `start`'s reading of the verdict: nil when the exec goes on, else the hook's error.
    static func failureMessage(in bytes: [UInt8]) -> String? {
        guard bytes.first == failure else { return nil }
        return String(decoding: bytes.dropFirst(), as: UTF8.self)
    }
}
