import Glibc
import OCISpec
import Testing

/// Issue 11, crash safety: swiftlet SIGKILLed at each named point of create, start and delete (SWIFTLET_FAULT),
/// or from outside at a random moment. Afterwards `list` is readable, `delete --force` succeeds and leaves no
/// state directory, fifo, mount, cgroup or process, and the same id can be created again.
@Suite(.enabled(if: ContainerFixture.isAvailable, ContainerFixture.requirement))
struct SafetyCrashPointTests {
    @Test(arguments: SafetySupport.createPoints)
    func createKilledAt(_ point: String) throws {
        let fixture = try ContainerFixture("crash-create")
        defer { fixture.cleanUp() }
        let marker = "crash-\(getpid())-\(point)"
        SafetySupport.sleeper(fixture, marker: marker)
        let id = fixture.makeID()
        let crashed = SafetySupport.swiftlet(fixture, fault: point, ["create", "--bundle", fixture.bundle, id])
        #expect(crashed.status != 0, "create survived \(point): \(crashed)")
        try expectRecovery(fixture, id: id, marker: marker)
    }

    @Test(arguments: SafetySupport.startPoints)
    func startKilledAt(_ point: String) throws {
        let fixture = try ContainerFixture("crash-start")
        defer { fixture.cleanUp() }
        let marker = "crash-\(getpid())-\(point)"
        SafetySupport.sleeper(fixture, marker: marker)
        let id = fixture.makeID()
        let created = fixture.swiftlet(["create", "--bundle", fixture.bundle, id])
        try #require(created.status == 0, "\(created)")
        let crashed = SafetySupport.swiftlet(fixture, fault: point, ["start", id])
        #expect(crashed.status == 128 + SIGKILL, "\(crashed)")
        // A second start must answer, not wait forever on a fifo nobody writes to any more.
        let again = fixture.swiftlet(["start", id], timeoutSeconds: 10)
        #expect(!again.timedOut, "start after a start killed at \(point) hangs")
        if point == "start.after-fifo-read" {
            #expect(again.status == 1 && again.stderr.contains("cannot start an already running container"), "\(again)")
        } else {
            #expect(again.status == 0, "\(again)")
        }
        #expect(fixture.state(id)?["status"]?.stringValue == "running")
        try expectRecovery(fixture, id: id, marker: marker)
    }

    @Test(arguments: SafetySupport.deletePoints)
    func deleteKilledAt(_ point: String) throws {
        let fixture = try ContainerFixture("crash-delete")
        defer { fixture.cleanUp() }
        let marker = "crash-\(getpid())-\(point)"
        SafetySupport.sleeper(fixture, marker: marker)
        let id = fixture.makeID()
        let started = fixture.swiftlet(["run", "--detach", "--bundle", fixture.bundle, id])
        try #require(started.status == 0, "\(started)")
        let crashed = SafetySupport.swiftlet(fixture, fault: point, ["delete", "--force", id])
        #expect(crashed.status == 128 + SIGKILL, "\(crashed)")
        #expect(fixture.state(id)?["status"]?.stringValue == "stopped")
        try expectRecovery(fixture, id: id, marker: marker)
    }

    /// SIGKILL from outside after a random delay, over the whole create (and `run --detach`) path.
    @Test func createKilledAtRandomMoments() throws {
        let fixture = try ContainerFixture("crash-random")
        defer { fixture.cleanUp() }
        let marker = "crash-\(getpid())-random"
        SafetySupport.sleeper(fixture, marker: marker)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<12 {
            let id = fixture.makeID()
            let command = round.isMultiple(of: 2) ? "create" : "run"
            let arguments = command == "run" ? ["run", "--detach", "--bundle", fixture.bundle, id] : ["create", "--bundle", fixture.bundle, id]
            let running = try fixture.startSwiftlet(arguments)
            usleep(UInt32.random(in: 0...40_000, using: &generator))
            kill(running.pid, SIGKILL)
            _ = running.wait(timeoutSeconds: 10)
            #expect(SafetySupport.listProblems(fixture).isEmpty, "round \(round)")
            let deleted = fixture.swiftlet(["delete", "--force", id])
            #expect(deleted.status == 0, "round \(round): \(deleted)")
            let left = SafetySupport.leftoversAfterDelete(fixture, id, marker: marker)
            #expect(left.isEmpty, "round \(round) (\(command)): \(left)")
        }
        let again = fixture.makeID()
        #expect(fixture.swiftlet(["create", "--bundle", fixture.bundle, again]).status == 0)
    }

    /// SIGKILL from outside after a random delay while `delete --force` of a running container works.
    @Test func deleteKilledAtRandomMoments() throws {
        let fixture = try ContainerFixture("crash-random-delete")
        defer { fixture.cleanUp() }
        let marker = "crash-\(getpid())-random-delete"
        SafetySupport.sleeper(fixture, marker: marker)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<8 {
            let id = fixture.makeID()
            try #require(fixture.swiftlet(["run", "--detach", "--bundle", fixture.bundle, id]).status == 0)
            let deleting = try fixture.startSwiftlet(["delete", "--force", id])
            usleep(UInt32.random(in: 0...15_000, using: &generator))
            kill(deleting.pid, SIGKILL)
            _ = deleting.wait(timeoutSeconds: 10)
            #expect(SafetySupport.listProblems(fixture).isEmpty, "round \(round)")
            let deleted = fixture.swiftlet(["delete", "--force", id])
            #expect(deleted.status == 0, "round \(round): \(deleted)")
            let left = SafetySupport.leftoversAfterDelete(fixture, id, marker: marker)
            #expect(left.isEmpty, "round \(round): \(left)")
        }
    }

    /// The common ending: list readable, delete --force clean, the id usable again, and clean again after that.
    private func expectRecovery(_ fixture: ContainerFixture, id: String, marker: String) throws {
        #expect(SafetySupport.listProblems(fixture).isEmpty)
        let deleted = fixture.swiftlet(["delete", "--force", id])
        #expect(deleted.status == 0, "delete --force: \(deleted)")
        #expect(SafetySupport.leftoversAfterDelete(fixture, id, marker: marker).isEmpty)
        let recreated = fixture.swiftlet(["create", "--bundle", fixture.bundle, id])
        #expect(recreated.status == 0, "create of the same id again: \(recreated)")
        #expect(fixture.state(id)?["status"]?.stringValue == "created")
        let cleaned = fixture.swiftlet(["delete", "--force", id])
        #expect(cleaned.status == 0, "\(cleaned)")
        #expect(SafetySupport.leftoversAfterDelete(fixture, id, marker: marker).isEmpty)
    }
}
