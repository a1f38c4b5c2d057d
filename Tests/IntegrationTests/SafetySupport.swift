import Glibc
import OCISpec
import Testing

/// What the safety tests share: running swiftlet with the test-only fault switch armed, and the checks that a
/// container left nothing behind and that `list` stays readable.
enum SafetySupport {
    /// The points wired into the lifecycle (RuntimeCore's `FaultPoint.all`; this target does not link RuntimeCore).
    static let createPoints = [
        "create.after-claim", "create.after-fifo", "create.after-clone", "child.before-unshare",
        "init.before-ready", "create.after-ready",
    ]
    static let startPoints = ["start.before-fifo-open", "start.after-fifo-read"]
    static let deletePoints = ["delete.after-kill"]

    /// `swiftlet --root <root> arguments…` with `SWIFTLET_FAULT=<point>` (through env(1): the shared spawner
    /// passes the test's own environment, which parallel tests must not change).
    static func swiftlet(_ fixture: ContainerFixture, fault point: String, _ arguments: [String]) -> CommandResult {
        let line = ["/usr/bin/env", "SWIFTLET_FAULT=\(point)", CLIHarness.binary, "--root", fixture.root] + arguments
        return SpawnedCommand.run(line, outputPrefix: fixture.directory + "/fault-\(point)-\(arguments.first ?? "")")
    }

    /// The container's program: long-lived, and named by a marker so a leftover process is recognisable.
    static func sleeper(_ fixture: ContainerFixture, marker: String) {
        fixture.setShell("sleep 1000; echo \(marker)")
    }

    /// Problems with `list`: it must succeed and every row must be a complete, parseable entry.
    static func listProblems(_ fixture: ContainerFixture) -> [String] {
        let result = fixture.swiftlet(["list", "--format", "json"])
        guard result.status == 0 else { return ["list failed: \(result)"] }
        guard let rows = CLIHarness.parseJSON(result.stdout)?.arrayValue else { return ["list is not a JSON array: \(result.stdout)"] }
        var problems: [String] = []
        for row in rows {
            for key in ["id", "status", "bundle", "created"] where row[key]?.stringValue?.isEmpty ?? true {
                problems.append("list row without \(key): \(row.serialized)")
            }
            if row["pid"]?.integerValue == nil { problems.append("list row without pid: \(row.serialized)") }
        }
        return problems
    }

    /// Leftovers of `id`, polled for a short while: a process SIGKILLed by delete may need a moment to be reaped.
    static func leftoversAfterDelete(_ fixture: ContainerFixture, _ id: String, marker: String) -> [String] {
        var found: [String] = []
        _ = Monotonic.poll(timeoutSeconds: 3) {
            found = fixture.leftovers(of: id) + HostLeftovers.processes(mentioning: marker).map { "process: \($0)" }
            return found.isEmpty
        }
        return found
    }
}
