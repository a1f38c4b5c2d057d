import Glibc
import OCISpec
import Testing

/// config.md's hooks over the lifecycle: every kind runs once, in runtime.md's order, with the state on stdin
/// (statuses as runc passes them); a failing createRuntime hook aborts create and leaves nothing behind.
@Suite(.enabled(if: ContainerFixture.isAvailable && access("/bin/sh", X_OK) == 0, ContainerFixture.requirement))
struct LifecycleHookTests {
    /// A hook that appends "<name> <status> <id>" (from the state on stdin) to `log`. In the runtime's namespace
    /// `/bin/sh` is the host's shell; a startContainer hook's path is resolved in the container (busybox's).
    static func logging(_ name: String, to log: String) -> JSONValue {
        let script = "read -r state; status=${state#*\\\"status\\\":\\\"}; id=${state#*\\\"id\\\":\\\"};"
            + " echo \"\(name) ${status%%\\\"*} ${id%%\\\"*}\" >> \(log)"
        return .members(["path": .string("/bin/sh"), "args": .strings(["sh", "-c", script])])
    }

    @Test func everyHookRunsOnceInOrderWithTheState() throws {
        let fixture = try ContainerFixture("hooks")
        defer { fixture.cleanUp() }
        let logDirectory = fixture.directory + "/hooklog"
        mkdir(logDirectory, 0o777)
        let hostLog = logDirectory + "/hooks.log"
        // startContainer runs inside the container after pivot_root: it reaches the log through a bind mount.
        let mounts = fixture.config["mounts"]?.arrayValue ?? []
        fixture.config.set("mounts", to: .array(mounts + [.members([
            "destination": .string("/mnt"), "type": .string("bind"), "source": .string(logDirectory),
            "options": .strings(["rbind", "rw"]),
        ])]))
        fixture.config.set("hooks", to: .members([
            "prestart": .array([Self.logging("prestart", to: hostLog)]),
            "createRuntime": .array([Self.logging("createRuntime", to: hostLog)]),
            "createContainer": .array([Self.logging("createContainer", to: hostLog)]),
            "startContainer": .array([Self.logging("startContainer", to: "/mnt/hooks.log")]),
            "poststart": .array([Self.logging("poststart", to: hostLog)]),
            "poststop": .array([Self.logging("poststop", to: hostLog)]),
        ]))
        fixture.setShell("echo program >> /mnt/hooks.log; sleep 1000")
        let id = fixture.makeID()

        let create = fixture.swiftlet(["create", "--bundle", fixture.bundle, id])
        try #require(create.status == 0, "\(create)")
        #expect(CLIHarness.readFile(hostLog).lines.filter { !$0.isEmpty } == [
            "prestart creating \(id)", "createRuntime creating \(id)", "createContainer creating \(id)",
        ])
        let start = fixture.swiftlet(["start", id])
        #expect(start.status == 0, "\(start)")
        #expect(Monotonic.poll(timeoutSeconds: 5) { CLIHarness.readFile(hostLog).contains("program") })
        #expect(fixture.swiftlet(["kill", id, "KILL"]).status == 0)
        #expect(fixture.waitForStatus(id, "stopped"))
        let delete = fixture.swiftlet(["delete", id])
        #expect(delete.status == 0, "\(delete)")

        let log = CLIHarness.readFile(hostLog).lines.filter { !$0.isEmpty }
        // poststart runs in `start` after the program was started: it may log before or after the program does.
        #expect(log.filter { $0 != "program" } == [
            "prestart creating \(id)", "createRuntime creating \(id)", "createContainer creating \(id)",
            "startContainer created \(id)", "poststart running \(id)", "poststop stopped \(id)",
        ], "\(log)")
        #expect(log.firstIndex(of: "program") ?? 0 > log.firstIndex(of: "startContainer created \(id)") ?? Int.max, "\(log)")
        #expect(fixture.leftovers(of: id) == [])
    }

    @Test func aFailingCreateRuntimeHookAbortsCreate() throws {
        let fixture = try ContainerFixture("hookfail")
        defer { fixture.cleanUp() }
        fixture.config.set("hooks", "createRuntime", to: .array([
            .members(["path": .string("/bin/sh"), "args": .strings(["sh", "-c", "echo hook says no >&2; exit 7"])]),
        ]))
        fixture.setShell("echo should-not-run")
        let id = fixture.makeID()
        let result = fixture.swiftlet(["run", "--bundle", fixture.bundle, id])
        #expect(result.status != 0, "\(result)")
        #expect(!result.stdout.contains("should-not-run"))
        #expect(result.stderr.contains("createRuntime"), "\(result)")
        #expect(result.stderr.contains("hook says no"), "the hook's stderr helps: \(result)")
        #expect(fixture.leftovers(of: id) == [])
        #expect(HostLeftovers.stateDirectories(in: fixture.root).filter { !$0.hasPrefix(".") } == [])
    }
}
