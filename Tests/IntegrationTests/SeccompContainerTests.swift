import Glibc
import OCISpec
import Testing

/// config-linux.md "Seccomp", observed from inside the container (issue 6's acceptance): the filter is in place
/// (/proc/self/status), denies exactly what it should, kills with SIGSYS, loads for an unprivileged user without
/// no_new_privs (docker's default), and hands a notify listener to the agent at listenerPath.
@Suite(.enabled(if: ContainerFixture.isAvailable, ContainerFixture.requirement))
struct SeccompContainerTests {
    static func rule(_ names: [String], _ action: String, errnoRet: Int? = nil, args: [JSONValue]? = nil) -> JSONValue {
        var rule: JSONValue = .members(["names": .strings(names), "action": .string(action)])
        if let errnoRet { rule.set("errnoRet", to: .integer(errnoRet)) }
        if let args { rule.set("args", to: .array(args)) }
        return rule
    }

    static func filter(_ rules: [JSONValue], listenerPath: String? = nil) -> JSONValue {
        var seccomp: JSONValue = .members(["defaultAction": .string("SCMP_ACT_ALLOW"), "syscalls": .array(rules)])
        if let listenerPath {
            seccomp.set("listenerPath", to: .string(listenerPath))
            seccomp.set("listenerMetadata", to: .string("swiftlet-test-metadata"))
        }
        return seccomp
    }

    @Test func withoutASeccompSectionThereIsNoFilter() throws {
        let fixture = try ContainerFixture("sc-none")
        defer { fixture.cleanUp() }
        let result = fixture.runShell("grep '^Seccomp:' /proc/self/status")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.field("Seccomp") == "0", "\(result)")
    }

    @Test func deniedMkdirReturnsTheConfiguredErrno() throws {
        let fixture = try ContainerFixture("sc-errno")
        defer { fixture.cleanUp() }
        try fixture.useRootfsCopy()  // it writes /tmp/allowed
        fixture.config.set("root", "readonly", to: .bool(false))
        fixture.config.set("linux", "seccomp", to: Self.filter([Self.rule(["mkdir", "mkdirat"], "SCMP_ACT_ERRNO", errnoRet: 1)]))
        let result = fixture.runShell("grep '^Seccomp:' /proc/self/status; mkdir /tmp/denied 2>&1; touch /tmp/allowed && echo touched")
        #expect(result.stdout.field("Seccomp") == "2", "\(result)")
        #expect(result.stdout.contains("Operation not permitted"), "\(result)")
        #expect(result.stdout.contains("touched"), "writes other than mkdir still work: \(result)")
    }

    @Test func argumentFilterDeniesOnlyMatchingCalls() throws {
        let fixture = try ContainerFixture("sc-args")
        defer { fixture.cleanUp() }
        // kill(pid, sig) with sig == 9 (argument index 1) is denied; any other signal is allowed.
        let signalIsKill: JSONValue = .members(["index": .integer(1), "value": .integer(9), "op": .string("SCMP_CMP_EQ")])
        fixture.config.set("linux", "seccomp", to: Self.filter([Self.rule(["kill"], "SCMP_ACT_ERRNO", errnoRet: 1, args: [signalIsKill])]))
        let result = fixture.runShell("sleep 30 & p=$!; kill -9 $p 2>/dev/null || echo kill9-denied; kill -15 $p && echo kill15-allowed")
        #expect(result.stdout.lines.contains("kill9-denied"), "\(result)")
        #expect(result.stdout.lines.contains("kill15-allowed"), "\(result)")
    }

    @Test func killProcessEndsTheProgramWithSIGSYS() throws {
        let fixture = try ContainerFixture("sc-kill")
        defer { fixture.cleanUp() }
        fixture.config.set("linux", "seccomp", to: Self.filter([Self.rule(["getppid"], "SCMP_ACT_KILL_PROCESS")]))
        let result = fixture.runShell("echo $PPID")  // the shell asks getppid() at start-up
        #expect(result.status == 128 + 31, "run exits 128+SIGSYS: \(result)")
    }

    /// Docker's default: a profile without no_new_privs, for a non-root user with few capabilities. The filter must
    /// go in before the capabilities are dropped (the load needs CAP_SYS_ADMIN then).
    @Test func loadsWithoutNoNewPrivilegesForAnUnprivilegedUser() throws {
        let fixture = try ContainerFixture("sc-nonnp")
        defer { fixture.cleanUp() }
        fixture.config.set("root", "readonly", to: .bool(false))
        fixture.config.set("process", "noNewPrivileges", to: .bool(false))
        fixture.config.set("process", "user", to: .members(["uid": .integer(1000), "gid": .integer(1000)]))
        fixture.config.set("linux", "seccomp", to: Self.filter([Self.rule(["mkdir", "mkdirat"], "SCMP_ACT_ERRNO", errnoRet: 1)]))
        let result = fixture.runShell("id -u; grep -E '^(Seccomp|NoNewPrivs|CapEff):' /proc/self/status; mkdir /tmp/x 2>&1")
        #expect(result.stdout.lines.first == "1000", "\(result)")
        #expect(result.stdout.field("Seccomp") == "2", "\(result)")
        #expect(result.stdout.field("NoNewPrivs") == "0", "\(result)")
        #expect(result.stdout.field("CapEff") == "0000000000000000", "\(result)")
        #expect(result.stdout.contains("Operation not permitted"), "\(result)")
    }

    @Test func unknownActionFailsCreateNamingIt() throws {
        let fixture = try ContainerFixture("sc-bogus")
        defer { fixture.cleanUp() }
        fixture.config.set("linux", "seccomp", to: Self.filter([Self.rule(["mkdir"], "SCMP_ACT_BOGUS")]))
        let id = fixture.makeID()
        fixture.writeConfig()
        let result = fixture.swiftlet(["create", "--bundle", fixture.bundle, id])
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.contains("linux.seccomp.syscalls[0].action") && result.stderr.contains("SCMP_ACT_BOGUS"), "\(result)")
        #expect(fixture.leftovers(of: id).isEmpty, "\(fixture.leftovers(of: id))")
    }

    /// SCMP_ACT_NOTIFY: the agent at listenerPath receives the notify fd (SCM_RIGHTS) with the container process
    /// state and the metadata; once it closes the fd, the container goes on (the call then fails with ENOSYS).
    @Test func notifyListenerReceivesTheFdAndMetadata() throws {
        let fixture = try ContainerFixture("sc-notify")
        defer { fixture.cleanUp() }
        let listenerPath = fixture.directory + "/agent.sock"
        let agent = try TerminalConsoleReceiver(path: listenerPath)
        fixture.config.set("root", "readonly", to: .bool(false))
        fixture.config.set("linux", "seccomp", to: Self.filter([Self.rule(["mkdir", "mkdirat"], "SCMP_ACT_NOTIFY")], listenerPath: listenerPath))
        fixture.setShell("mkdir /tmp/notified 2>/dev/null; echo goes-on")
        let id = fixture.makeID()
        let created = fixture.swiftlet(["create", "--bundle", fixture.bundle, id])
        #expect(created.status == 0, "\(created)")
        let received = try #require(agent.receiveMaster(), "the agent received nothing")
        let state = try #require(CLIHarness.parseJSON(received.name), "state JSON: \(received.name)")
        #expect(state["metadata"]?.stringValue == "swiftlet-test-metadata", "\(received.name)")
        #expect(state["fds"]?.arrayValue?.first?.stringValue == "seccompFd", "\(received.name)")
        #expect(state["state"]?["id"]?.stringValue == id, "\(received.name)")
        #expect((state["pid"]?.integerValue ?? 0) > 0, "\(received.name)")
        close(received.fd)
        let started = fixture.swiftlet(["start", id])
        #expect(started.status == 0, "\(started)")
        #expect(fixture.waitForStatus(id, "stopped"), "the container went on after the agent closed the fd")
    }
}
