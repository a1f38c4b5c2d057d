import OCISpec
import LinuxSys

/// A hook that did not succeed, worded as runc's ("error running createRuntime hook #0: exit status 1, …") with
/// the hook's path and what it printed, so the user sees why.
struct HookFailure: Error, Equatable, CustomStringConvertible {
    let kind: HookKind
    let index: Int
    let path: String
    let outcome: HookCommand.Outcome
    let output: String

    var description: String {
        let reason: String
        switch outcome {
        case .exited(let code): reason = "exit status \(code)"
        case .signaled(let signal): reason = "signal: \(Signal(rawValue: signal).name)"
        case .timedOut(let seconds): reason = "timeout after \(seconds) seconds"
        case .couldNotStart(let detail): reason = detail
        }
        let printed = output.isEmpty ? "" : ", output: \(output)"
        return "error running \(kind.rawValue) hook #\(index) (\(path)): \(reason)\(printed)"
    }
}
