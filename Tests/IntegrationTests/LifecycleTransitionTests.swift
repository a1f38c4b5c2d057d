import Glibc
import OCISpec
import Testing

/// runtime.md's lifecycle through runc's CLI: create → start → kill → delete, `run`'s exit status, and the
/// operations that must fail in the wrong state, with runc's words.
@Suite(.enabled(if: ContainerFixture.isAvailable, ContainerFixture.requirement))
struct LifecycleTransitionTests {
    /// Every namespace type but user (its mappings are tested on their own in LifecycleNamespaceTests).
    static let namespaceTypes = ["pid", "network", "ipc", "uts", "mount", "cgroup", "time"]

    @Test func createStartKillDeleteWalksTheStates() throws {
        let fixture = try ContainerFixture("walk")
        defer { fixture.cleanUp() }
        fixture.config.set("linux", "namespaces", to: .array(Self.namespaceTypes.map { .members(["type": .string($0)]) }))
        fixture.setShell("sleep 1000")
        let id = fixture.makeID()

        let create = fixture.swiftlet(["create", "--bundle", fixture.bundle, id])
        try #require(create.status == 0, "create: \(create)")
        let created = try #require(fixture.state(id))
        #expect(created["status"]?.stringValue == "created")
        #expect(created["id"]?.stringValue == id)
        #expect(created["bundle"]?.stringValue == fixture.bundle)
        // runc's extra fields: the resolved rootfs, RFC 3339 creation time with nanoseconds, the owner.
        #expect(created["rootfs"]?.stringValue?.hasSuffix("/rootfs") == true, "\(created.serialized)")
        let time = created["created"]?.stringValue ?? ""
        #expect(Self.isRFC3339Nano(time), "created: \(time)")
        #expect(created["owner"] != nil, "\(created.serialized)")
        let pid = Int32(try #require(created["pid"]?.integerValue))
        #expect(pid > 0)
        #expect(HostLeftovers.isAlive(pid))
        #expect(ContainerNamespaces.sharedWithHost(pid: pid, types: Self.namespaceTypes) == [])

        let start = fixture.swiftlet(["start", id])
        #expect(start.status == 0, "start: \(start)")
        #expect(fixture.state(id)?["status"]?.stringValue == "running")

        let kill = fixture.swiftlet(["kill", id, "KILL"])
        #expect(kill.status == 0, "kill: \(kill)")
        #expect(fixture.waitForStatus(id, "stopped"), "\(String(describing: fixture.state(id)))")
        #expect(fixture.state(id)?["pid"]?.integerValue == 0)
        #expect(!HostLeftovers.isAlive(pid))

        let delete = fixture.swiftlet(["delete", id])
        #expect(delete.status == 0, "delete: \(delete)")
        let gone = fixture.swiftlet(["state", id])
        #expect(gone.status != 0)
        #expect(gone.stderr.contains("container does not exist"), "\(gone)")
        #expect(fixture.leftovers(of: id) == [])
    }

    /// Go's time.RFC3339Nano in UTC, as runc writes it: `2006-01-02T15:04:05.999999999Z`, trailing zeros of the
    /// fraction dropped (and the dot with them when the fraction is zero).
    static func isRFC3339Nano(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z") else { return false }
        let digit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        for (index, byte) in bytes.prefix(19).enumerated() {
            let separator: UInt8? = [4: UInt8(ascii: "-"), 7: UInt8(ascii: "-"), 10: UInt8(ascii: "T"), 13: UInt8(ascii: ":"), 16: UInt8(ascii: ":")][index]
            guard separator.map({ byte == $0 }) ?? digit(byte) else { return false }
        }
        let fraction = bytes.dropFirst(19).dropLast()
        if fraction.isEmpty { return true }
        guard fraction.first == UInt8(ascii: "."), (2...10).contains(fraction.count) else { return false }
        return fraction.dropFirst().allSatisfy(digit) && fraction.last != UInt8(ascii: "0")
    }

    @Test func runExitsWithTheContainersStatus() throws {
        let fixture = try ContainerFixture("exit3")
        defer { fixture.cleanUp() }
        let id = fixture.makeID()
        let result = fixture.runShell("exit 3", id: id)
        #expect(result.status == 3, "\(result)")
        #expect(fixture.leftovers(of: id) == [])
    }

    @Test func runOfAContainerKilledFromOutsideExits137() throws {
        let fixture = try ContainerFixture("kill137")
        defer { fixture.cleanUp() }
        fixture.setShell("sleep 1000")
        let id = fixture.makeID()
        let run = try fixture.startSwiftlet(["run", "--bundle", fixture.bundle, id])
        #expect(fixture.waitForStatus(id, "running"))
        let pid = Int32(try #require(fixture.state(id)?["pid"]?.integerValue))
        try #require(pid > 0)
        kill(pid, SIGKILL)
        let result = run.wait(timeoutSeconds: 20)
        #expect(result.status == 137, "\(result)")
        #expect(fixture.leftovers(of: id) == [])
    }

    @Test func runForwardsSIGTERMToTheContainer() throws {
        let fixture = try ContainerFixture("fwd")
        defer { fixture.cleanUp() }
        // The shell handles TERM (pid 1 ignores signals it has no handler for) and reports it through its status.
        fixture.setShell("trap 'exit 42' TERM; while true; do sleep 0.1; done")
        let id = fixture.makeID()
        let run = try fixture.startSwiftlet(["run", "--bundle", fixture.bundle, id])
        #expect(fixture.waitForStatus(id, "running"))
        usleep(200_000)  // the trap is set once the shell runs its first command
        kill(run.pid, SIGTERM)
        let result = run.wait(timeoutSeconds: 20)
        #expect(result.status == 42, "\(result)")
    }

    @Test func sigtermEndsAContainerThatIsOnlyCreated() throws {
        let fixture = try ContainerFixture("term")
        defer { fixture.cleanUp() }
        fixture.setShell("sleep 1000")
        let id = fixture.makeID()
        let create = fixture.swiftlet(["create", "--bundle", fixture.bundle, id])
        try #require(create.status == 0, "create: \(create)")
        let pid = Int32(try #require(fixture.state(id)?["pid"]?.integerValue))
        let kill = fixture.swiftlet(["kill", id])  // runc's default signal: SIGTERM
        #expect(kill.status == 0, "kill: \(kill)")
        #expect(fixture.waitForStatus(id, "stopped"), "\(String(describing: fixture.state(id)))")
        #expect(Monotonic.poll(timeoutSeconds: 5) { !HostLeftovers.isAlive(pid) })
    }

    @Test func deleteForceOfAnUnknownIDSucceeds() throws {
        let fixture = try ContainerFixture("delunk")
        defer { fixture.cleanUp() }
        let result = fixture.swiftlet(["delete", "--force", "no-such-container"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        let withoutForce = fixture.swiftlet(["delete", "no-such-container"])
        #expect(withoutForce.status != 0)
        #expect(withoutForce.stderr.contains("container does not exist"), "\(withoutForce)")
    }

    @Test func deleteOfARunningContainerNeedsForce() throws {
        let fixture = try ContainerFixture("delrun")
        defer { fixture.cleanUp() }
        fixture.setShell("sleep 1000")
        let id = fixture.makeID()
        #expect(fixture.swiftlet(["run", "-d", "--bundle", fixture.bundle, id]).status == 0)
        #expect(fixture.state(id)?["status"]?.stringValue == "running")

        let refused = fixture.swiftlet(["delete", id])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("cannot delete container \(id) that is not stopped: running"), "\(refused)")
        #expect(fixture.state(id)?["status"]?.stringValue == "running")

        let forced = fixture.swiftlet(["delete", "--force", id])
        #expect(forced.status == 0, "\(forced)")
        #expect(fixture.leftovers(of: id) == [])
    }

    @Test func startTwiceFails() throws {
        let fixture = try ContainerFixture("start2")
        defer { fixture.cleanUp() }
        fixture.setShell("sleep 1000")
        let id = fixture.makeID()
        try #require(fixture.swiftlet(["create", "--bundle", fixture.bundle, id]).status == 0)
        #expect(fixture.swiftlet(["start", id]).status == 0)
        let again = fixture.swiftlet(["start", id])
        #expect(again.status != 0)
        #expect(again.stderr.contains("cannot start an already running container"), "\(again)")

        _ = fixture.swiftlet(["kill", id, "KILL"])
        #expect(fixture.waitForStatus(id, "stopped"))
        let stopped = fixture.swiftlet(["start", id])
        #expect(stopped.status != 0)
        #expect(stopped.stderr.contains("cannot start a container that has stopped"), "\(stopped)")
    }

    /// `run` starts at once over the sync socket: no exec fifo is ever made, the state reads `running`, and a
    /// later `start` is refused as for any started container.
    @Test func runDetachedNeedsNoExecFifo() throws {
        let fixture = try ContainerFixture("run-nofifo")
        defer { fixture.cleanUp() }
        fixture.setShell("sleep 1000")
        let id = fixture.makeID()
        let run = fixture.swiftlet(["run", "--detach", "--bundle", fixture.bundle, id])
        try #require(run.status == 0, "\(run)")
        #expect(fixture.state(id)?["status"]?.stringValue == "running")
        let listing = SpawnedCommand.run(["/bin/ls", "-A", fixture.root + "/" + id], outputPrefix: fixture.directory + "/ls")
        #expect(listing.stdout.words == ["state.json"], "\(listing)")
        let again = fixture.swiftlet(["start", id])
        #expect(again.status != 0 && again.stderr.contains("cannot start an already running container"), "\(again)")
        #expect(fixture.swiftlet(["delete", "--force", id]).status == 0)
        #expect(fixture.leftovers(of: id) == [])
    }

    @Test func pidFileHoldsTheInitsPidAfterCreate() throws {
        let fixture = try ContainerFixture("pidfile")
        defer { fixture.cleanUp() }
        fixture.setShell("sleep 1000")
        let id = fixture.makeID()
        let pidFile = fixture.directory + "/init.pid"
        let create = fixture.swiftlet(["create", "--bundle", fixture.bundle, "--pid-file", pidFile, id])
        try #require(create.status == 0, "create: \(create)")
        let written = CLIHarness.readFile(pidFile).trimmingWhitespace
        let statePid = try #require(fixture.state(id)?["pid"]?.integerValue)
        #expect(written == String(statePid))
        // The init of a new pid namespace is pid 1 inside it: NSpid's last field.
        let status = CLIHarness.readFile("/proc/\(statePid)/status")
        let nspid = status.split(separator: "\n").first { $0.hasPrefix("NSpid:") } ?? ""
        #expect(nspid.split(whereSeparator: { $0 == "\t" || $0 == " " }).last == "1", "\(nspid)")
    }

    @Test func killOfAStoppedContainerFails() throws {
        let fixture = try ContainerFixture("killstop")
        defer { fixture.cleanUp() }
        let id = fixture.makeID()
        fixture.setShell("true")
        let run = fixture.swiftlet(["run", "--keep", "--bundle", fixture.bundle, id])
        #expect(run.status == 0, "\(run)")
        let state = fixture.state(id)
        #expect(state?["status"]?.stringValue == "stopped", "--keep keeps the stopped container")
        #expect(state?["pid"]?.integerValue == 0)
        let kill = fixture.swiftlet(["kill", id, "KILL"])
        #expect(kill.status != 0)
        #expect(kill.stderr.contains("container not running"), "\(kill)")
        #expect(fixture.swiftlet(["delete", id]).status == 0)
        #expect(fixture.leftovers(of: id) == [])
    }

    /// runc's delete kills a container that is only created (no --force needed) and removes everything.
    @Test func deleteOfACreatedContainerKillsItsInit() throws {
        let fixture = try ContainerFixture("delcreated")
        defer { fixture.cleanUp() }
        fixture.setShell("sleep 1000")
        let id = fixture.makeID()
        try #require(fixture.swiftlet(["create", "--bundle", fixture.bundle, id]).status == 0)
        let pid = Int32(try #require(fixture.state(id)?["pid"]?.integerValue))
        let delete = fixture.swiftlet(["delete", id])
        #expect(delete.status == 0, "\(delete)")
        #expect(Monotonic.poll(timeoutSeconds: 5) { !HostLeftovers.isAlive(pid) })
        #expect(fixture.leftovers(of: id) == [])
    }

    @Test func preservedFileDescriptorsReachTheContainer() throws {
        let fixture = try ContainerFixture("fds")
        defer { fixture.cleanUp() }
        let file = fixture.directory + "/fd3"
        CLIHarness.writeFile(file, "through fd 3\n")
        fixture.setShell("cat <&3; ls /proc/self/fd | tr '\\n' ' '")
        let preserved = fixture.swiftlet(["run", "--preserve-fds", "1", "--bundle", fixture.bundle, fixture.makeID()], extraFiles: [file])
        #expect(preserved.status == 0, "\(preserved)")
        #expect(preserved.stdout.hasPrefix("through fd 3\n"), "\(preserved)")

        // Without --preserve-fds only stdio reaches the container (ls's own directory fd is the extra one).
        fixture.setShell("ls /proc/self/fd | tr '\\n' ' '")
        let closed = fixture.swiftlet(["run", "--bundle", fixture.bundle, fixture.makeID()], extraFiles: [file])
        #expect(closed.status == 0, "\(closed)")
        #expect(closed.stdout == "0 1 2 3 ", "\(closed)")
    }

    /// `run` forwards the signals it receives to the container's process (here: handled by the shell's traps).
    @Test(arguments: [("HUP", SIGHUP, 11), ("USR1", SIGUSR1, 12), ("INT", SIGINT, 13)])
    func runForwardsSignals(_ name: String, _ signal: Int32, _ exitCode: Int32) throws {
        let fixture = try ContainerFixture("fwd\(name.lowercased())")
        defer { fixture.cleanUp() }
        fixture.setShell("trap 'exit \(exitCode)' \(name); echo trapped > /dev/shm/ready; while true; do sleep 0.1; done")
        let id = fixture.makeID()
        let run = try fixture.startSwiftlet(["run", "--bundle", fixture.bundle, id])
        #expect(fixture.waitForStatus(id, "running"))
        let pid = try #require(fixture.state(id)?["pid"]?.integerValue)
        // The trap is set once the shell wrote its marker (seen from the host through the init's root).
        #expect(Monotonic.poll(timeoutSeconds: 5) { access("/proc/\(pid)/root/dev/shm/ready", F_OK) == 0 })
        kill(run.pid, signal)
        let result = run.wait(timeoutSeconds: 20)
        #expect(result.status == exitCode, "\(result)")
    }

    @Test func killAllReachesEveryProcessOfTheContainer() throws {
        let fixture = try ContainerFixture("killall")
        defer { fixture.cleanUp() }
        // The init (sleep, no TERM handler) ignores SIGTERM as a pid-namespace init does; its two children do not.
        fixture.setShell("sleep 1000 & sleep 1000 & exec sleep 1000")
        let id = fixture.makeID()
        #expect(fixture.swiftlet(["run", "-d", "--bundle", fixture.bundle, id]).status == 0)
        let pid = Int32(try #require(fixture.state(id)?["pid"]?.integerValue))
        var children: [Int32] = []
        #expect(Monotonic.poll(timeoutSeconds: 5) {
            children = CLIHarness.readFile("/proc/\(pid)/task/\(pid)/children").words.compactMap { Int32($0) }
            return children.count == 2
        })
        let kill = fixture.swiftlet(["kill", "--all", id, "TERM"])
        #expect(kill.status == 0, "\(kill)")
        #expect(Monotonic.poll(timeoutSeconds: 5) { children.allSatisfy { !HostLeftovers.isAlive($0) } }, "children \(children)")
        #expect(HostLeftovers.isAlive(pid), "the init ignores TERM and lives on")
        #expect(fixture.state(id)?["status"]?.stringValue == "running")
    }
}
