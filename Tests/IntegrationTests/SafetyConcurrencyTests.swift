import Glibc
import OCISpec
import Testing

/// Issue 11, concurrency: many lifecycles at once over one state root. Locks are per container (flock on its
/// directory), so unrelated containers never wait for each other, and one id's commands never corrupt its state.
@Suite(.enabled(if: ContainerFixture.isAvailable, ContainerFixture.requirement))
struct SafetyConcurrencyTests {
    /// Starts every command at once, then waits for all of them.
    private func together(_ fixture: ContainerFixture, _ commands: [[String]], timeoutSeconds: Double = 60) throws -> [CommandResult] {
        let running = try commands.map { try fixture.startSwiftlet($0) }
        return running.map { $0.wait(timeoutSeconds: timeoutSeconds) }
    }

    @Test func fiftyContainersCreatedStartedDeletedInParallel() throws {
        let fixture = try ContainerFixture("parallel-50")
        defer { fixture.cleanUp() }
        let marker = "parallel50-\(getpid())"
        SafetySupport.sleeper(fixture, marker: marker)
        let ids = (0..<50).map { fixture.makeID("p\($0)") }

        let created = try together(fixture, ids.map { ["create", "--bundle", fixture.bundle, $0] })
        for (id, result) in zip(ids, created) { #expect(result.status == 0, "create \(id): \(result)") }
        let listed = CLIHarness.parseJSON(fixture.swiftlet(["list", "--format", "json"]).stdout)?.arrayValue ?? []
        #expect(listed.count == 50)

        let started = try together(fixture, ids.map { ["start", $0] })
        for (id, result) in zip(ids, started) { #expect(result.status == 0, "start \(id): \(result)") }
        for id in ids { #expect(fixture.state(id)?["status"]?.stringValue == "running", "\(id)") }

        let deleted = try together(fixture, ids.map { ["delete", "--force", $0] })
        for (id, result) in zip(ids, deleted) { #expect(result.status == 0, "delete \(id): \(result)") }
        #expect(HostLeftovers.stateDirectories(in: fixture.root).isEmpty)
        for id in ids { #expect(SafetySupport.leftoversAfterDelete(fixture, id, marker: marker).isEmpty, "\(id)") }
    }

    @Test func tenParallelCreatesOfOneIDHaveOneWinner() throws {
        let fixture = try ContainerFixture("same-id")
        defer { fixture.cleanUp() }
        let marker = "sameid-\(getpid())"
        SafetySupport.sleeper(fixture, marker: marker)
        let id = fixture.makeID()
        let results = try together(fixture, Array(repeating: ["create", "--bundle", fixture.bundle, id], count: 10))
        let winners = results.filter { $0.status == 0 }
        #expect(winners.count == 1, "\(results)")
        for loser in results where loser.status != 0 {
            #expect(loser.status == 1 && loser.stderr.contains("container with given ID already exists"), "\(loser)")
        }
        #expect(fixture.state(id)?["status"]?.stringValue == "created")
        #expect(SafetySupport.listProblems(fixture).isEmpty)
        #expect(fixture.swiftlet(["delete", id]).status == 0)
        #expect(SafetySupport.leftoversAfterDelete(fixture, id, marker: marker).isEmpty)
    }

    /// Parallel kill, state, list and delete on one running container: every answer is well formed and the
    /// container ends up completely gone.
    @Test func parallelKillStateDeleteOnOneID() throws {
        let fixture = try ContainerFixture("kill-state-delete")
        defer { fixture.cleanUp() }
        let marker = "ksd-\(getpid())"
        SafetySupport.sleeper(fixture, marker: marker)
        for round in 0..<3 {
            let id = fixture.makeID()
            let started = fixture.swiftlet(["run", "--detach", "--bundle", fixture.bundle, id])
            try #require(started.status == 0, "\(started)")
            var commands: [[String]] = []
            for index in 0..<24 {
                switch index % 6 {
                case 0: commands.append(["kill", id, "KILL"])
                case 1: commands.append(["delete", "--force", id])
                case 2: commands.append(["list", "--format", "json"])
                default: commands.append(["state", id])
                }
            }
            let results = try together(fixture, commands)
            for (command, result) in zip(commands, results) {
                #expect(!result.timedOut, "\(command) hung")
                switch command[0] {
                case "delete":
                    #expect(result.status == 0, "round \(round) \(command): \(result)")
                case "kill":
                    let acceptable = result.status == 0 || result.stderr.contains("container not running")
                        || result.stderr.contains("container does not exist")
                    #expect(acceptable, "round \(round) \(command): \(result)")
                case "list":
                    #expect(result.status == 0 && CLIHarness.parseJSON(result.stdout)?.arrayValue != nil, "\(result)")
                default:
                    if result.status == 0 {
                        let status = CLIHarness.parseJSON(result.stdout)?["status"]?.stringValue ?? "unparsable"
                        #expect(["running", "stopped"].contains(status), "round \(round) state: \(result)")
                    } else {
                        #expect(result.stderr.contains("container does not exist"), "round \(round) state: \(result)")
                    }
                }
            }
            #expect(SafetySupport.leftoversAfterDelete(fixture, id, marker: marker).isEmpty, "round \(round)")
        }
    }

    /// A container whose lock is held (here by the test, as a slow command would) blocks only itself.
    @Test func aHeldLockDoesNotBlockOtherContainers() throws {
        let fixture = try ContainerFixture("lock-scope")
        defer { fixture.cleanUp() }
        SafetySupport.sleeper(fixture, marker: "lockscope-\(getpid())")
        let blocked = fixture.makeID("a"), free = fixture.makeID("b")
        for id in [blocked, free] { try #require(fixture.swiftlet(["create", "--bundle", fixture.bundle, id]).status == 0) }
        let directory = open(fixture.root + "/" + blocked, O_RDONLY | O_DIRECTORY)
        try #require(directory >= 0)
        defer { close(directory) }
        try #require(flock(directory, LOCK_EX) == 0)

        let waiting = try fixture.startSwiftlet(["start", blocked])
        let other = fixture.swiftlet(["start", free], timeoutSeconds: 10)
        #expect(other.status == 0 && !other.timedOut, "\(other)")
        #expect(fixture.state(blocked)?["status"]?.stringValue == "created", "state never locks")
        usleep(300_000)
        #expect(waitpid(waiting.pid, nil, WNOHANG) == 0, "start of the locked container did not wait for its lock")
        flock(directory, LOCK_UN)
        let finished = waiting.wait(timeoutSeconds: 10)
        #expect(finished.status == 0, "\(finished)")
    }
}
