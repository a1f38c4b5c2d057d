import Glibc
import OCISpec
import Testing

/// config.md's `process` and `hostname`/`domainname`, observed from inside the container: each test has the
/// container print what it sees and parses it.
@Suite(.enabled(if: ContainerFixture.isAvailable, ContainerFixture.requirement))
struct LifecycleProcessTests {
    @Test func hostnameAndDomainname() throws {
        let fixture = try ContainerFixture("uts")
        defer { fixture.cleanUp() }
        fixture.config.set("hostname", to: .string("h9-box"))
        fixture.config.set("domainname", to: .string("example.test"))
        let result = fixture.runShell("hostname; cat /proc/sys/kernel/domainname")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.lines.prefix(2) == ["h9-box", "example.test"], "\(result)")
    }

    @Test func userGroupsAndUmask() throws {
        let fixture = try ContainerFixture("user")
        defer { fixture.cleanUp() }
        fixture.config.set("process", "user", to: .members([
            "uid": .integer(1000), "gid": .integer(1000), "additionalGids": .array([.integer(10), .integer(20)]),
            "umask": .integer(0o027),
        ]))
        let result = fixture.runShell("id -u; id -g; grep '^Groups:' /proc/self/status; umask")
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.lines
        #expect(lines.prefix(2) == ["1000", "1000"], "\(result)")
        #expect(result.stdout.field("Groups")?.words == ["10", "20"], "\(result)")
        #expect(lines.dropFirst(3).first == "0027", "\(result)")
    }

    /// As a non-root user the sets stay apart after execve: permitted and effective come from ambient.
    @Test func allFiveCapabilitySets() throws {
        let fixture = try ContainerFixture("caps")
        defer { fixture.cleanUp() }
        fixture.config.set("process", "user", to: .members(["uid": .integer(1000), "gid": .integer(1000)]))
        fixture.config.set("process", "capabilities", to: .members([
            "bounding": .strings(["CAP_CHOWN", "CAP_KILL", "CAP_NET_BIND_SERVICE"]),
            "effective": .strings(["CAP_CHOWN", "CAP_KILL"]),
            "permitted": .strings(["CAP_CHOWN", "CAP_KILL", "CAP_NET_BIND_SERVICE"]),
            "inheritable": .strings(["CAP_KILL", "CAP_NET_BIND_SERVICE"]),
            "ambient": .strings(["CAP_KILL"]),
        ]))
        let result = fixture.runShell("grep '^Cap' /proc/self/status")
        #expect(result.status == 0, "\(result)")
        // CAP_CHOWN = bit 0, CAP_KILL = bit 5, CAP_NET_BIND_SERVICE = bit 10.
        #expect(result.stdout.field("CapBnd") == "0000000000000421", "\(result)")
        #expect(result.stdout.field("CapInh") == "0000000000000420", "\(result)")
        #expect(result.stdout.field("CapAmb") == "0000000000000020", "\(result)")
        #expect(result.stdout.field("CapPrm") == "0000000000000020", "\(result)")
        #expect(result.stdout.field("CapEff") == "0000000000000020", "\(result)")
    }

    /// Root keeps its bounding set as permitted and effective; a capability left out of it is really gone.
    @Test func rootIsLimitedToTheBoundingSet() throws {
        let fixture = try ContainerFixture("rootcaps")
        defer { fixture.cleanUp() }
        let kill = JSONValue.strings(["CAP_KILL"])
        fixture.config.set("process", "capabilities", to: .members([
            "bounding": kill, "effective": kill, "permitted": kill, "inheritable": .array([]), "ambient": .array([]),
        ]))
        let result = fixture.runShell("grep '^Cap' /proc/self/status; touch /dev/shm/f && chown 1000 /dev/shm/f && echo chown-worked")
        #expect(result.stdout.field("CapBnd") == "0000000000000020", "\(result)")
        #expect(result.stdout.field("CapEff") == "0000000000000020", "\(result)")
        #expect(!result.stdout.contains("chown-worked"), "\(result)")
        #expect(result.stderr.contains("Operation not permitted"), "\(result)")
    }

    @Test(arguments: [true, false])
    func noNewPrivileges(_ enabled: Bool) throws {
        let fixture = try ContainerFixture("nnp")
        defer { fixture.cleanUp() }
        fixture.config.set("process", "noNewPrivileges", to: .bool(enabled))
        let result = fixture.runShell("grep '^NoNewPrivs:' /proc/self/status")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.field("NoNewPrivs") == (enabled ? "1" : "0"), "\(result)")
    }

    @Test func rlimitsWithinTheHostsHardLimit() throws {
        let fixture = try ContainerFixture("rlimit")
        defer { fixture.cleanUp() }
        fixture.config.set("process", "rlimits", to: .array([
            .members(["type": .string("RLIMIT_NOFILE"), "soft": .integer(1000), "hard": .integer(2000)]),
            .members(["type": .string("RLIMIT_CORE"), "soft": .integer(0), "hard": .integer(0)]),
        ]))
        let result = fixture.runShell("ulimit -n; ulimit -H -n; grep -E '^Max (open files|core file size)' /proc/self/limits")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.lines.prefix(2) == ["1000", "2000"], "\(result)")
        let limits = result.stdout.lines
        #expect(limits.first { $0.hasPrefix("Max open files") }?.words.suffix(3) == ["1000", "2000", "files"], "\(result)")
        #expect(limits.first { $0.hasPrefix("Max core file size") }?.words.suffix(3) == ["0", "0", "bytes"], "\(result)")
    }

    /// This host has no CAP_SYS_RESOURCE and a hard nofile limit of 20000: raising past it must be refused clearly.
    @Test func raisingAHardLimitIsRefusedNamingRlimits() throws {
        let fixture = try ContainerFixture("rlimitup")
        defer { fixture.cleanUp() }
        var hostLimit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &hostLimit)
        try #require(hostLimit.rlim_max < 1_000_000, "the hard nofile limit is \(hostLimit.rlim_max): can it be raised?")
        let wanted = Int(hostLimit.rlim_max) + 10_000
        fixture.config.set("process", "rlimits", to: .array([
            .members(["type": .string("RLIMIT_NOFILE"), "soft": .integer(wanted), "hard": .integer(wanted)]),
        ]))
        fixture.setShell("echo should-not-run")
        let id = fixture.makeID()
        let result = fixture.swiftlet(["run", "--bundle", fixture.bundle, id])
        #expect(result.status != 0, "\(result)")
        #expect(!result.stdout.contains("should-not-run"))
        #expect(result.stderr.contains("process.rlimits"), "\(result)")
        #expect(result.stderr.contains("RLIMIT_NOFILE"), "\(result)")
        #expect(fixture.leftovers(of: id) == [])
    }

    @Test func workingDirectory() throws {
        let fixture = try ContainerFixture("cwd")
        defer { fixture.cleanUp() }
        fixture.config.set("process", "cwd", to: .string("/home/user"))
        let result = fixture.runShell("pwd")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "/home/user\n", "\(result)")
    }

    @Test func environmentIsExactlyTheConfigured() throws {
        let fixture = try ContainerFixture("env")
        defer { fixture.cleanUp() }
        fixture.config.set("process", "env", to: .strings(["PATH=/bin:/usr/bin", "GREETING=hello world", "EMPTY=", "HOME=/root"]))
        // cat's own environment (a redirect would be opened by the shell, which `sh -c` then replaces by exec).
        let result = fixture.runShell("cat /proc/self/environ | tr '\\0' '\\n'")
        #expect(result.status == 0, "\(result)")
        // The shell exports PWD and SHLVL to cat; everything else comes from config.json.
        let environment = Set(result.stdout.lines.filter { !$0.isEmpty && !$0.hasPrefix("PWD=") && !$0.hasPrefix("SHLVL=") })
        #expect(environment == ["PATH=/bin:/usr/bin", "GREETING=hello world", "EMPTY=", "HOME=/root"], "\(result)")
    }

    /// runc sets HOME from the user's /etc/passwd entry when process.env has none; engines rely on it.
    @Test func homeComesFromPasswdWhenTheEnvironmentLacksIt() throws {
        let fixture = try ContainerFixture("home")
        defer { fixture.cleanUp() }
        fixture.config.set("process", "user", to: .members(["uid": .integer(1000), "gid": .integer(1000)]))
        fixture.config.set("process", "env", to: .strings(["PATH=/bin"]))
        let result = fixture.runShell("echo \"HOME=$HOME\"")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "HOME=/home/user\n", "\(result)")
    }

    @Test func oomScoreAdj() throws {
        let fixture = try ContainerFixture("oom")
        defer { fixture.cleanUp() }
        fixture.config.set("process", "oomScoreAdj", to: .integer(500))
        let result = fixture.runShell("cat /proc/self/oom_score_adj")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "500\n", "\(result)")
    }

    /// runc creates a missing cwd inside the rootfs (mode 0755) before the root is made read-only.
    @Test func aMissingWorkingDirectoryIsCreatedAsRuncDoes() throws {
        let fixture = try ContainerFixture("mkcwd")
        defer { fixture.cleanUp() }
        try fixture.useRootfsCopy()
        fixture.config.set("process", "cwd", to: .string("/work/dir"))
        let result = fixture.runShell("pwd")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "/work/dir\n", "\(result)")
    }
}
