import Glibc
import OCISpec
import Testing

/// config.md's POSIX-platform hooks through the whole lifecycle: order, the state each gets on stdin, where
/// they run, and runtime.md's failure rules. Every hook appends "<name> <stdin>" to a log in the fixture.
@Suite(.enabled(if: ContainerFixture.isAvailable, ContainerFixture.requirement))
struct HooksTests {
    /// A hook run by /bin/sh that logs its name and the state it read.
    private static func recorder(_ name: String, log: String) -> JSONValue {
        .members(["path": .string("/bin/sh"), "args": .strings(["sh", "-c", "echo \(name) $(hostname) $(cat) >> \(log)"])])
    }

    private static func failing(_ message: String) -> JSONValue {
        .members(["path": .string("/bin/sh"), "args": .strings(["sh", "-c", "echo \(message) >&2; exit 3"])])
    }

    /// A recorder for every hook kind. startContainer runs inside the container: its log is the same file,
    /// bind-mounted at /hooks (the rootfs must be the fixture's own copy, for the mount point).
    private static func recordEveryHook(_ fixture: ContainerFixture, log: String) {
        var mounts = fixture.config["mounts"]?.arrayValue ?? []
        mounts.append(.members(["destination": .string("/hooks"), "type": .string("bind"),
                                "source": .string(fixture.directory), "options": .strings(["rbind", "rw"])]))
        fixture.config.set("mounts", to: .array(mounts))
        fixture.config.set("hooks", to: .members([
            "prestart": .array([recorder("prestart", log: log)]),
            "createRuntime": .array([recorder("createRuntime", log: log)]),
            "createContainer": .array([recorder("createContainer", log: log)]),
            "startContainer": .array([recorder("startContainer", log: "/hooks/hooks.log")]),
            "poststart": .array([recorder("poststart", log: log)]),
            "poststop": .array([recorder("poststop", log: log)]),
        ]))
    }

    /// Each log line: name, hostname where it ran, and the parsed state.
    private static func entries(_ log: String) -> [(name: String, hostname: String, state: JSONValue?)] {
        CLIHarness.readFile(log).lines.filter { !$0.isEmpty }.map { line in
            let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
            return (parts.first ?? "", parts.count > 1 ? parts[1] : "", parts.count > 2 ? CLIHarness.parseJSON(parts[2]) : nil)
        }
    }

    @Test func everyHookInOrderWithItsState() throws {
        let fixture = try ContainerFixture("hooks-all")
        defer { fixture.cleanUp() }
        try fixture.useRootfsCopy()  // the /hooks mount point is created in the rootfs: not in the shared one
        let log = fixture.directory + "/hooks.log"
        fixture.config.set("hostname", to: .string("hook-box"))
        Self.recordEveryHook(fixture, log: log)
        fixture.setShell("sleep 300")
        let id = fixture.makeID()
        try #require(fixture.swiftlet(["create", "--bundle", fixture.bundle, id]).status == 0)
        try #require(fixture.swiftlet(["start", id]).status == 0)
        try #require(fixture.swiftlet(["kill", id, "KILL"]).status == 0)
        #expect(fixture.waitForStatus(id, "stopped"))
        try #require(fixture.swiftlet(["delete", id]).status == 0)

        let entries = Self.entries(log)
        #expect(entries.map(\.name) == ["prestart", "createRuntime", "createContainer", "startContainer", "poststart", "poststop"],
                "\(CLIHarness.readFile(log))")
        let expectedStatus = ["prestart": "creating", "createRuntime": "creating", "createContainer": "creating",
                              "startContainer": "created", "poststart": "running", "poststop": "stopped"]
        for entry in entries {
            #expect(entry.state?["id"]?.stringValue == id, "\(entry.name): \(String(describing: entry.state))")
            #expect(entry.state?["status"]?.stringValue == expectedStatus[entry.name], "\(entry.name)")
            #expect(entry.state?["bundle"]?.stringValue == fixture.bundle, "\(entry.name)")
        }
        // startContainer ran inside the container: its hostname, and pid 1 as the container sees its init.
        let start = try #require(entries.first { $0.name == "startContainer" })
        #expect(start.hostname == "hook-box")
        #expect(start.state?["pid"]?.integerValue == 1)
        #expect(entries.first { $0.name == "poststart" }?.hostname != "hook-box")
        #expect((entries.first { $0.name == "createRuntime" }?.state?["pid"]?.integerValue ?? 0) > 1)
    }

    /// `run` starts its container over the sync socket, not the exec fifo: the same hooks, in the same order,
    /// with the same states as create + start + delete.
    @Test func everyHookInOrderThroughRun() throws {
        let fixture = try ContainerFixture("hooks-run")
        defer { fixture.cleanUp() }
        try fixture.useRootfsCopy()
        let log = fixture.directory + "/hooks.log"
        Self.recordEveryHook(fixture, log: log)
        let id = fixture.makeID()
        let run = fixture.runShell("echo ran >> /hooks/hooks.log", id: id)
        try #require(run.status == 0, "\(run)")
        let names = Self.entries(log).map(\.name)
        // The program's line lands between startContainer and poststart, or after poststart: it runs concurrently.
        #expect(names.filter { $0 != "ran" } == ["prestart", "createRuntime", "createContainer", "startContainer", "poststart", "poststop"],
                "\(CLIHarness.readFile(log))")
        #expect(names.firstIndex(of: "ran").map { $0 > (names.firstIndex(of: "startContainer") ?? 99) } == true, "\(names)")
        let expectedStatus = ["prestart": "creating", "createRuntime": "creating", "createContainer": "creating",
                              "startContainer": "created", "poststart": "running", "poststop": "stopped"]
        for entry in Self.entries(log) where entry.name != "ran" {
            #expect(entry.state?["id"]?.stringValue == id, "\(entry.name)")
            #expect(entry.state?["status"]?.stringValue == expectedStatus[entry.name], "\(entry.name)")
        }
        #expect(fixture.leftovers(of: id).isEmpty, "\(fixture.leftovers(of: id))")
    }

    @Test func failingStartContainerFailsRunAndLeavesNothingBehind() throws {
        let fixture = try ContainerFixture("hooks-fail-run")
        defer { fixture.cleanUp() }
        let log = fixture.directory + "/poststop.log"
        fixture.config.set("hooks", to: .members([
            "startContainer": .array([Self.failing("ldconfig-broke")]),
            "poststop": .array([Self.recorder("poststop", log: log)]),
        ]))
        fixture.setShell("echo the-program-ran")
        let id = fixture.makeID()
        for detach in [false, true] {
            let run = fixture.swiftlet(["run"] + (detach ? ["--detach"] : []) + ["--bundle", fixture.bundle, id])
            #expect(run.status != 0, "detach \(detach): \(run)")
            #expect(run.stderr.contains("container start failed") && run.stderr.contains("ldconfig-broke"), "\(run)")
            #expect(!run.stdout.contains("the-program-ran"), "\(run)")
            #expect(fixture.state(id) == nil)
            #expect(fixture.leftovers(of: id).isEmpty, "\(fixture.leftovers(of: id))")
        }
        // As after a failed `start`: the container is deleted, and its poststop hooks run.
        #expect(Self.entries(log).map(\.name) == ["poststop", "poststop"], "\(CLIHarness.readFile(log))")
    }

    @Test func failingCreateRuntimeLeavesNothingBehind() throws {
        let fixture = try ContainerFixture("hooks-fail-create")
        defer { fixture.cleanUp() }
        fixture.config.set("hooks", to: .members(["createRuntime": .array([Self.failing("no-network-for-you")])]))
        fixture.setShell("sleep 300")
        let id = fixture.makeID()
        let create = fixture.swiftlet(["create", "--bundle", fixture.bundle, id])
        #expect(create.status != 0)
        #expect(create.stderr.contains("createRuntime hook #0"), "\(create)")
        #expect(create.stderr.contains("no-network-for-you"), "\(create)")
        #expect(fixture.leftovers(of: id).isEmpty, "\(fixture.leftovers(of: id))")
        #expect(fixture.state(id) == nil)
    }

    @Test func failingStartContainerFailsStart() throws {
        let fixture = try ContainerFixture("hooks-fail-startc")
        defer { fixture.cleanUp() }
        fixture.config.set("hooks", to: .members(["startContainer": .array([Self.failing("ldconfig-broke")])]))
        fixture.setShell("sleep 300")
        let id = fixture.makeID()
        try #require(fixture.swiftlet(["create", "--bundle", fixture.bundle, id]).status == 0)
        let start = fixture.swiftlet(["start", id])
        #expect(start.status != 0)
        #expect(start.stderr.contains("ldconfig-broke"), "\(start)")
        #expect(fixture.waitForStatus(id, "stopped"))
    }

    @Test func failingPoststartStopsTheContainer() throws {
        let fixture = try ContainerFixture("hooks-fail-poststart")
        defer { fixture.cleanUp() }
        fixture.config.set("hooks", to: .members(["poststart": .array([Self.failing("poststart-said-no")])]))
        fixture.setShell("sleep 300")
        let id = fixture.makeID()
        try #require(fixture.swiftlet(["create", "--bundle", fixture.bundle, id]).status == 0)
        let start = fixture.swiftlet(["start", id])
        #expect(start.status != 0)
        #expect(start.stderr.contains("poststart-said-no"), "\(start)")
        #expect(fixture.waitForStatus(id, "stopped"))
        #expect(fixture.swiftlet(["delete", id]).status == 0)
    }

    @Test func failingPoststopIsAWarning() throws {
        let fixture = try ContainerFixture("hooks-fail-poststop")
        defer { fixture.cleanUp() }
        let log = fixture.directory + "/hooks.log"
        fixture.config.set("hooks", to: .members([
            "poststop": .array([Self.failing("poststop-broke"), Self.recorder("poststop", log: log)]),
        ]))
        let id = fixture.makeID()
        let run = fixture.runShell("true", id: id)
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("level=warning"), "\(run)")
        #expect(Self.entries(log).map(\.name) == ["poststop"], "the hook after the failing one still ran")
        #expect(fixture.leftovers(of: id).isEmpty)
    }

    @Test func hookTimeoutAndEnvironment() throws {
        let fixture = try ContainerFixture("hooks-timeout")
        defer { fixture.cleanUp() }
        let log = fixture.directory + "/env.log"
        fixture.config.set("hooks", to: .members([
            "createRuntime": .array([
                .members(["path": .string("/bin/sh"), "args": .strings(["sh", "-c", "echo $HOOK_VAR >> \(log)"]),
                          "env": .strings(["HOOK_VAR=from-config"])]),
                .members(["path": .string("/bin/sleep"), "args": .strings(["sleep", "30"]), "timeout": .integer(1)]),
            ]),
        ]))
        fixture.setShell("true")
        let id = fixture.makeID()
        let started = Monotonic.now
        let create = fixture.swiftlet(["create", "--bundle", fixture.bundle, id])
        #expect(Monotonic.now - started < 15)
        #expect(create.status != 0)
        #expect(create.stderr.contains("timeout after 1 seconds"), "\(create)")
        #expect(CLIHarness.readFile(log).trimmingWhitespace == "from-config")
        #expect(fixture.leftovers(of: id).isEmpty)
    }

    @Test func jsonLogOfAFailedCreateIsParseable() throws {
        let fixture = try ContainerFixture("hooks-json-log")
        defer { fixture.cleanUp() }
        fixture.config.set("hooks", to: .members(["createRuntime": .array([Self.failing("json-please")])]))
        fixture.setShell("true")
        let id = fixture.makeID()
        let logPath = fixture.directory + "/swiftlet.log"
        let result = SpawnedCommand.run(
            [CLIHarness.binary, "--root", fixture.root, "--log", logPath, "--log-format", "json", "create", "--bundle", fixture.bundle, id],
            outputPrefix: fixture.directory + "/json-create")
        #expect(result.status != 0)
        let last = try #require(CLIHarness.readFile(logPath).lines.last { !$0.isEmpty })
        let line = try #require(CLIHarness.parseJSON(last), "not JSON: \(last)")
        #expect(line["level"]?.stringValue == "error")
        #expect(line["msg"]?.stringValue?.contains("json-please") == true, "\(last)")
        #expect(line["time"]?.stringValue != nil)
    }
}
