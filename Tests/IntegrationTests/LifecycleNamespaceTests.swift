import Glibc
import OCISpec
import Testing

/// config-linux.md's namespaces, uid/gid mappings, time offsets and sysctl, observed from inside the
/// container and compared with the host's view.
@Suite(.enabled(if: ContainerFixture.isAvailable, ContainerFixture.requirement))
struct LifecycleNamespaceTests {
    static func addNamespace(_ fixture: ContainerFixture, _ type: String, path: String? = nil) {
        var namespaces = (fixture.config["linux"]?["namespaces"]?.arrayValue ?? []).filter { $0["type"]?.stringValue != type }
        namespaces.append(path.map { .members(["type": .string(type), "path": .string($0)]) } ?? .members(["type": .string(type)]))
        fixture.config.set("linux", "namespaces", to: .array(namespaces))
    }

    /// The network namespace is made beside the create (EarlyNetworkNamespace) and joined by the init: a new one,
    /// with only a loopback device, and its fd does not reach the container.
    @Test func aNewNetworkNamespaceHasOnlyLoopbackAndLeavesNoFD() throws {
        let fixture = try ContainerFixture("netns")
        defer { fixture.cleanUp() }
        var buffer = [CChar](repeating: 0, count: 256)
        try #require(readlink("/proc/self/ns/net", &buffer, buffer.count - 1) > 0)
        let host = String(cString: buffer)
        // ls first: later pipelines of the shell (pid 1) would show their own fds.
        let result = fixture.runShell("ls /proc/1/fd; readlink /proc/self/ns/net; cat /proc/net/dev")
        try #require(result.status == 0, "\(result)")
        let lines = result.stdout.lines
        #expect(lines.prefix(3) == ["0", "1", "2"], "\(result.stdout)")
        let namespace = lines.first { $0.hasPrefix("net:[") }
        #expect(namespace != nil && namespace != host, "\(result.stdout) vs host \(host)")
        // /proc/net/dev: two header lines, then "  lo: …" per device.
        let devices = lines.filter { $0.contains(":") && !$0.hasPrefix("net:[") && !$0.contains("|") }
            .map { String($0.split(separator: ":").first ?? "").trimmingWhitespace }
        #expect(devices == ["lo"], "\(result.stdout)")
    }

    /// With one CPU to run on there is no side task (it could only take turns with the parent): the clone makes the
    /// network namespace, and the container gets a new one all the same.
    @Test func onOneCPUTheCloneMakesTheNetworkNamespace() throws {
        let fixture = try ContainerFixture("netns-1cpu")
        defer { fixture.cleanUp() }
        fixture.setShell("readlink /proc/self/ns/net")
        let id = fixture.makeID()
        let result = SpawnedCommand.run(
            ["/usr/bin/taskset", "-c", "0", CLIHarness.binary, "--root", fixture.root, "--debug", "run", "--bundle", fixture.bundle, id],
            outputPrefix: fixture.directory + "/taskset")
        try #require(result.status == 0, "\(result)")
        #expect(result.stderr.contains("one CPU to run on, the clone makes it"), "\(result.stderr)")
        var buffer = [CChar](repeating: 0, count: 256)
        try #require(readlink("/proc/self/ns/net", &buffer, buffer.count - 1) > 0)
        let namespace = result.stdout.trimmingWhitespace
        #expect(namespace.hasPrefix("net:[") && namespace != String(cString: buffer), "\(result.stdout)")
        #expect(fixture.leftovers(of: id).isEmpty, "\(fixture.leftovers(of: id))")
    }

    @Test func sysctlInTheContainersOwnNamespaces() throws {
        let fixture = try ContainerFixture("sysctl")
        defer { fixture.cleanUp() }
        let hostForward = CLIHarness.readFile("/proc/sys/net/ipv4/ip_forward")
        let hostMsgmax = CLIHarness.readFile("/proc/sys/kernel/msgmax")
        let wantedForward = hostForward.trimmingWhitespace == "1" ? "0" : "1"
        fixture.config.set("linux", "sysctl", to: .members([
            "net.ipv4.ip_forward": .string(wantedForward), "kernel.msgmax": .string("4242"),
        ]))
        let result = fixture.runShell("echo forward=$(cat /proc/sys/net/ipv4/ip_forward) msgmax=$(cat /proc/sys/kernel/msgmax)")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "forward=\(wantedForward) msgmax=4242\n", "\(result)")
        #expect(CLIHarness.readFile("/proc/sys/net/ipv4/ip_forward") == hostForward)
        #expect(CLIHarness.readFile("/proc/sys/kernel/msgmax") == hostMsgmax)
    }

    /// A sysctl of a namespace the container does not have would change the host: refused.
    @Test func sysctlOfTheHostsNetworkNamespaceIsRefused() throws {
        let fixture = try ContainerFixture("sysctlhost")
        defer { fixture.cleanUp() }
        let namespaces = (fixture.config["linux"]?["namespaces"]?.arrayValue ?? []).filter { $0["type"]?.stringValue != "network" }
        fixture.config.set("linux", "namespaces", to: .array(namespaces))
        let hostForward = CLIHarness.readFile("/proc/sys/net/ipv4/ip_forward")
        fixture.config.set("linux", "sysctl", to: .members([
            "net.ipv4.ip_forward": .string(hostForward.trimmingWhitespace == "1" ? "0" : "1"),
        ]))
        let id = fixture.makeID()
        let result = fixture.runShell("true", id: id)
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.contains("net.ipv4.ip_forward"), "\(result)")
        #expect(CLIHarness.readFile("/proc/sys/net/ipv4/ip_forward") == hostForward)
        #expect(fixture.leftovers(of: id) == [])
    }

    @Test func userNamespaceMappings() throws {
        let fixture = try ContainerFixture("userns")
        defer { fixture.cleanUp() }
        Self.addNamespace(fixture, "user")
        let mapping = JSONValue.array([.members(["containerID": .integer(0), "hostID": .integer(200_000), "size": .integer(65536)])])
        fixture.config.set("linux", "uidMappings", to: mapping)
        fixture.config.set("linux", "gidMappings", to: mapping)
        fixture.setShell("cat /proc/self/uid_map /proc/self/gid_map; id -u; id -g; exec sleep 1000")
        let id = fixture.makeID()
        let run = try fixture.startSwiftlet(["run", "--bundle", fixture.bundle, id])
        #expect(fixture.waitForStatus(id, "running"))
        let pid = Int32(try #require(fixture.state(id)?["pid"]?.integerValue))
        try #require(pid > 0)
        // The host sees the container's root as the mapped id.
        let hostView = CLIHarness.readFile("/proc/\(pid)/status")
        #expect(hostView.field("Uid")?.words.first == "200000", "\(hostView)")
        #expect(hostView.field("Gid")?.words.first == "200000", "\(hostView)")
        #expect(ContainerNamespaces.sharedWithHost(pid: pid, types: ["user", "pid", "mount"]) == [])
        #expect(fixture.swiftlet(["kill", id, "KILL"]).status == 0)
        let result = run.wait(timeoutSeconds: 20)
        let maps = result.stdout.lines.prefix(2).map(\.words)
        #expect(maps == [["0", "200000", "65536"], ["0", "200000", "65536"]], "\(result)")
        #expect(result.stdout.lines.dropFirst(2).prefix(2) == ["0", "0"], "\(result)")
    }

    @Test func timeNamespaceOffsets() throws {
        let fixture = try ContainerFixture("timens")
        defer { fixture.cleanUp() }
        Self.addNamespace(fixture, "time")
        fixture.config.set("linux", "timeOffsets", to: .members([
            "monotonic": .members(["secs": .integer(86400), "nanosecs": .integer(0)]),
            "boottime": .members(["secs": .integer(172_800), "nanosecs": .integer(500)]),
        ]))
        let result = fixture.runShell("cat /proc/self/timens_offsets; cut -d. -f1 /proc/uptime")
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.lines
        #expect(lines.first { $0.hasPrefix("monotonic") }?.words == ["monotonic", "86400", "0"], "\(result)")
        #expect(lines.first { $0.hasPrefix("boottime") }?.words == ["boottime", "172800", "500"], "\(result)")
        // /proc/uptime counts boottime: at least the offset inside the container.
        let uptime = Int(lines.dropFirst(2).first ?? "") ?? 0
        #expect(uptime >= 172_800, "\(result)")
    }

    /// A namespace given by `path` is joined, not created: the second container shares the first one's network.
    @Test func joiningANamespaceByPath() throws {
        let fixture = try ContainerFixture("nspath")
        defer { fixture.cleanUp() }
        fixture.setShell("sleep 1000")
        let first = fixture.makeID("first")
        try #require(fixture.swiftlet(["create", "--bundle", fixture.bundle, first]).status == 0)
        let firstPid = try #require(fixture.state(first)?["pid"]?.integerValue)
        let firstNet = ContainerNamespaces.identity(pid: String(firstPid), "net")
        try #require(firstNet != nil)

        Self.addNamespace(fixture, "network", path: "/proc/\(firstPid)/ns/net")
        let result = fixture.runShell("readlink /proc/self/ns/net")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.trimmingWhitespace == firstNet, "\(result)")
    }

    static func addUserNamespace(_ fixture: ContainerFixture) {
        addNamespace(fixture, "user")
        let mapping = JSONValue.array([.members(["containerID": .integer(0), "hostID": .integer(200_000), "size": .integer(65536)])])
        fixture.config.set("linux", "uidMappings", to: mapping)
        fixture.config.set("linux", "gidMappings", to: mapping)
    }

    /// mknod is not allowed in a user namespace: the host's nodes are bind-mounted (owned by the unmapped host root).
    @Test func devicesInAUserNamespaceAreTheHostsNodes() throws {
        let fixture = try ContainerFixture("usernsdev")
        defer { fixture.cleanUp() }
        try #require(access("/dev/kmsg", F_OK) == 0, "the host has no /dev/kmsg")
        Self.addUserNamespace(fixture)
        fixture.config.set("linux", "devices", to: .array([
            .members(["path": .string("/dev/kmsg"), "type": .string("c"), "major": .integer(1), "minor": .integer(11)]),
        ]))
        let result = fixture.runShell("stat -c '%n %t:%T %U' /dev/kmsg /dev/null; echo x > /dev/null && echo null-writable")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.lines.contains("/dev/kmsg 1:b nobody"), "\(result)")
        #expect(result.stdout.lines.contains("/dev/null 1:3 nobody"), "\(result)")
        #expect(result.stdout.contains("null-writable"), "\(result)")
    }

    /// A linux.devices entry the host lacks cannot be bind-mounted in a user namespace: the error names it.
    @Test func aMissingHostDeviceInAUserNamespaceIsNamed() throws {
        let fixture = try ContainerFixture("usernsnodev")
        defer { fixture.cleanUp() }
        Self.addUserNamespace(fixture)
        fixture.config.set("linux", "devices", to: .array([
            .members(["path": .string("/dev/swiftlet-no-such-device"), "type": .string("c"), "major": .integer(1), "minor": .integer(5)]),
        ]))
        let id = fixture.makeID()
        let result = fixture.runShell("true", id: id)
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.contains("linux.devices[0]"), "\(result)")
        #expect(result.stderr.contains("/dev/swiftlet-no-such-device"), "the error should name the device, not an fd: \(result)")
        #expect(result.stderr.contains("no such file or directory"), "\(result)")
        #expect(fixture.leftovers(of: id) == [])
    }
}
