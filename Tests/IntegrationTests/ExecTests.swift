import Glibc
import OCISpec
import Testing

/// `swiftlet exec` into a running (and a created) container: namespaces, pid 1, exit statuses, --process with a
/// user, -d with --pid-file, and runc's refusals.
@Suite(.enabled(if: ContainerFixture.isAvailable, ContainerFixture.requirement))
struct ExecTests {
    /// A detached container running `sleep 300`, hostname `exec-host`.
    private func runningContainer(_ fixture: ContainerFixture) throws -> String {
        fixture.config.set("hostname", to: .string("exec-host"))
        fixture.config.set("process", "args", to: .strings(["sleep", "300"]))
        fixture.writeConfig()
        let id = fixture.makeID()
        let run = fixture.swiftlet(["run", "-d", "--bundle", fixture.bundle, id])
        try #require(run.status == 0, "\(run)")
        return id
    }

    @Test func execSeesTheContainersHostnameAndPid1() throws {
        let fixture = try ContainerFixture("exec-ns")
        defer { fixture.cleanUp() }
        let id = try runningContainer(fixture)
        let hostname = fixture.swiftlet(["exec", id, "hostname"])
        #expect(hostname.status == 0, "\(hostname)")
        #expect(hostname.stdout.trimmingWhitespace == "exec-host", "\(hostname)")
        let cmdline = fixture.swiftlet(["exec", id, "cat", "/proc/1/cmdline"])
        #expect(cmdline.stdout.replacingNulsWithSpaces.trimmingWhitespace == "sleep 300", "\(cmdline)")
        let ps = fixture.swiftlet(["exec", id, "ps", "-o", "pid,args"])
        #expect(ps.stdout.lines.contains { $0.words == ["1", "sleep", "300"] }, "\(ps)")
        // Same namespaces and cgroups as the init, seen from the host.
        let initPid = try #require(fixture.state(id)?["pid"]?.integerValue)
        let inside = fixture.swiftlet(["exec", id, "sh", "-c", "readlink /proc/self/ns/mnt; readlink /proc/self/ns/uts; cat /proc/self/cgroup"])
        let expected = ["mnt", "uts"].map { (try? readLink("/proc/\(initPid)/ns/\($0)")) ?? "?" }
        #expect(Array(inside.stdout.lines.prefix(2)) == expected, "\(inside)")
        #expect(inside.stdout.lines.dropFirst(2).filter { !$0.isEmpty } == CLIHarness.readFile("/proc/\(initPid)/cgroup").lines.filter { !$0.isEmpty },
                "\(inside)")
    }

    @Test func exitStatusesFollowTheShellConvention() throws {
        let fixture = try ContainerFixture("exec-status")
        defer { fixture.cleanUp() }
        let id = try runningContainer(fixture)
        #expect(fixture.swiftlet(["exec", id, "sh", "-c", "exit 5"]).status == 5)
        #expect(fixture.swiftlet(["exec", id, "sh", "-c", "kill -KILL $$"]).status == 137)
        let missing = fixture.swiftlet(["exec", id, "no-such-program"])
        #expect(missing.status == 255, "\(missing)")
        #expect(missing.stderr.contains("executable file not found"), "\(missing)")
    }

    @Test func runOfAProcessKilledFromOutsideExits137() throws {
        let fixture = try ContainerFixture("run-kill")
        defer { fixture.cleanUp() }
        fixture.setShell("echo started; sleep 300")
        let id = fixture.makeID()
        let run = try fixture.startSwiftlet(["run", "--bundle", fixture.bundle, id])
        #expect(fixture.waitForStatus(id, "running"))
        let pid = try #require(fixture.state(id)?["pid"]?.integerValue)
        kill(Int32(pid), SIGKILL)
        let result = run.wait(timeoutSeconds: 20)
        #expect(result.status == 137, "\(result)")
    }

    @Test func processJSONWithAUser() throws {
        let fixture = try ContainerFixture("exec-process")
        defer { fixture.cleanUp() }
        let id = try runningContainer(fixture)
        let path = fixture.directory + "/process.json"
        CLIHarness.writeFile(path, """
            {"user": {"uid": 1234, "gid": 99, "additionalGids": [7]}, "args": ["sh", "-c", "id -u; id -g; id -G; pwd"],
             "cwd": "/tmp", "env": ["PATH=/bin:/usr/bin"]}
            """)
        let result = fixture.swiftlet(["exec", "--process", path, id])
        #expect(result.status == 0, "\(result)")
        #expect(Array(result.stdout.lines.prefix(4)) == ["1234", "99", "99 7", "/tmp"], "\(result)")
        let flags = fixture.swiftlet(["exec", "-u", "1000:1000", "--cwd", "/etc", "-e", "X=42", id, "sh", "-c", "id -u; pwd; echo $X"])
        #expect(Array(flags.stdout.lines.prefix(3)) == ["1000", "/etc", "42"], "\(flags)")
    }

    @Test func detachedWithPidFile() throws {
        let fixture = try ContainerFixture("exec-detach")
        defer { fixture.cleanUp() }
        let id = try runningContainer(fixture)
        let pidFile = fixture.directory + "/exec.pid"
        let result = fixture.swiftlet(["exec", "-d", "--pid-file", pidFile, id, "sleep", "200"], timeoutSeconds: 10)
        #expect(result.status == 0, "\(result)")
        let pid = try #require(Int32(CLIHarness.readFile(pidFile).trimmingWhitespace), "pid file: \(CLIHarness.readFile(pidFile))")
        #expect(kill(pid, 0) == 0, "process \(pid) is not alive")
        #expect(CLIHarness.readFile("/proc/\(pid)/cmdline").replacingNulsWithSpaces.trimmingWhitespace == "sleep 200")
        let initPid = try #require(fixture.state(id)?["pid"]?.integerValue)
        #expect((try? readLink("/proc/\(pid)/ns/pid")) == (try? readLink("/proc/\(initPid)/ns/pid")))
    }

    @Test func execIntoACreatedContainer() throws {
        let fixture = try ContainerFixture("exec-created")
        defer { fixture.cleanUp() }
        fixture.setShell("sleep 300")
        let id = fixture.makeID()
        try #require(fixture.swiftlet(["create", "--bundle", fixture.bundle, id]).status == 0)
        let result = fixture.swiftlet(["exec", id, "echo", "in-created"])
        #expect(result.status == 0 && result.stdout.trimmingWhitespace == "in-created", "\(result)")
        #expect(fixture.state(id)?["status"]?.stringValue == "created")
    }

    @Test func refusesStoppedAndPausedContainers() throws {
        let fixture = try ContainerFixture("exec-refuse")
        defer { fixture.cleanUp() }
        let id = try runningContainer(fixture)
        try #require(fixture.swiftlet(["pause", id]).status == 0)
        let paused = fixture.swiftlet(["exec", id, "true"])
        #expect(paused.status == 255, "\(paused)")
        #expect(paused.stderr.contains("cannot exec in a paused container (use --ignore-paused to override)"), "\(paused)")
        try #require(fixture.swiftlet(["resume", id]).status == 0)
        try #require(fixture.swiftlet(["kill", id, "KILL"]).status == 0)
        #expect(fixture.waitForStatus(id, "stopped"))
        let stopped = fixture.swiftlet(["exec", id, "true"])
        #expect(stopped.status == 255, "\(stopped)")
        #expect(stopped.stderr.contains("cannot exec in a stopped container"), "\(stopped)")
        let unknown = fixture.swiftlet(["exec", "no-such-container", "true"])
        #expect(unknown.stderr.contains("container does not exist"), "\(unknown)")
    }

    private func readLink(_ path: String) throws -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let count = readlink(path, &buffer, buffer.count)
        guard count > 0 else { throw CancellationError() }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
