import Glibc
import Testing

/// issue 10: `--debug` says how long each setup stage took — in the log (stderr without --log; the --log file
/// and stderr with one), never on stdout, which `state`, `ps` and `list` use.
@Suite(.enabled(if: ContainerFixture.isAvailable, ContainerFixture.requirement))
struct DebugStageTimingTests {
    /// Stages of both children: child 1's (namespaces) travel to the init in its copy of the context.
    static let someStages = ["ResourceLimitsStage", "UnshareNamespacesStage", "MountsStage", "PivotRootStage", "IdentityStage"]

    @Test func everySetupStageIsTimedOnStderrNeverStdout() throws {
        let fixture = try ContainerFixture("debug-timing")
        defer { fixture.cleanUp() }
        fixture.setShell("echo container-output")
        let run = fixture.swiftlet(["--debug", "run", "--bundle", fixture.bundle, fixture.makeID()])
        try #require(run.status == 0, "\(run)")
        #expect(run.stdout == "container-output\n", "\(run)")
        for stage in Self.someStages {
            #expect(run.stderr.contains("(\(stage)): "), "\(stage) missing: \(run.stderr)")
        }
        #expect(run.stderr.contains("setup stage mounts (MountsStage): "), "\(run.stderr)")
    }

    @Test func withALogFileTheyGoToTheFileAndToStderr() throws {
        let fixture = try ContainerFixture("debug-timing-log")
        defer { fixture.cleanUp() }
        fixture.setShell("true")
        let log = fixture.directory + "/swiftlet.log"
        let create = fixture.swiftlet(["--debug", "--log", log, "create", "--bundle", fixture.bundle, fixture.makeID()])
        try #require(create.status == 0, "\(create)")
        #expect(create.stdout.isEmpty, "\(create)")
        #expect(create.stderr.contains("swiftlet: setup stage mounts (MountsStage): "), "\(create)")
        let logText = CLIHarness.readFile(log)
        #expect(logText.contains("setup stage mounts (MountsStage): "), "log: \(logText)")
    }

    @Test func withoutDebugNothingIsTimed() throws {
        let fixture = try ContainerFixture("debug-timing-off")
        defer { fixture.cleanUp() }
        fixture.setShell("true")
        let run = fixture.swiftlet(["run", "--bundle", fixture.bundle, fixture.makeID()])
        try #require(run.status == 0, "\(run)")
        #expect(!run.output.contains("setup stage"), "\(run)")
    }
}
