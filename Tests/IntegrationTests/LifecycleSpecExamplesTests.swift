import Glibc
import OCISpec
import Testing

/// Every bundle in spec-examples/ (a directory with a config.json; busybox is only the rootfs) runs with
/// `swiftlet run`, exits 0 and prints what it demonstrates. The config is copied into a fixture bundle whose
/// rootfs links to busybox's, exactly as scripts/make-example-rootfs.sh links the examples' own.
@Suite(.enabled(if: ContainerFixture.isAvailable, ContainerFixture.requirement))
struct LifecycleSpecExamplesTests {
    static let directory = CLIHarness.repository + "/spec-examples"

    /// Example names, found on disk so a new example is run without touching this file.
    static let names: [String] = HostLeftovers.directoryEntries(directory)
        .filter { $0 != "busybox" && access(directory + "/" + $0 + "/config.json", R_OK) == 0 }
        .sorted()

    /// The examples issue 8 asks for (seccomp ones belong to the seccomp work and are run all the same).
    static let required = [
        "minimal", "all-namespaces", "user-namespace", "mounts-readonly-masked", "cgroup-limits", "hooks", "terminal",
        "rlimits-capabilities", "time-namespace",
    ]

    /// What an example's output (stdout and stderr) must contain: the feature seen from inside.
    static let expectedOutput: [String: [String]] = [
        "minimal": ["hello from a minimal container", "pid=1"],
        "all-namespaces": ["user: user:[", "time: time:[", "cgroup: cgroup:[", "hostname=all-namespaces"],
        "user-namespace": ["uid_map: 0 100000 65536", "gid_map: 0 100000 65536", "uid=0(root)"],
        "mounts-readonly-masked": [
            "root.readonly: touch: /x: Read-only file system", "/tmp is a writable tmpfs",
            "readonlyPaths: touch: /home/x: Read-only file system", "maskedPaths: /etc/hostname has 0 bytes",
            "maskedPaths: /proc/kcore has 0 bytes",
        ],
        "cgroup-limits": ["memory=67108864", "pids=64"],
        "hooks": ["startContainer hook ran inside the container"],
        "terminal": ["tty=/dev/pts/", "stdin is a terminal", "size=24 100"],
        "rlimits-capabilities": ["uid=1000(user)", "nofile=1024/2048 nproc=256 core=0", "CapAmb:\t0000000000000420", "NoNewPrivs:\t1"],
        "time-namespace": ["boottime     31536000", "monotonic       86400"],
        "seccomp-deny-mkdir": ["Operation not permitted", "Seccomp:\t2"],
        "seccomp-docker-default": ["Seccomp:\t2"],
    ]

    @Test func everyRequiredExampleIsThereWithAOneLineReadme() {
        for name in Self.required {
            #expect(Self.names.contains(name), "spec-examples/\(name) missing")
        }
        for name in Self.names {
            let readme = CLIHarness.readFile(Self.directory + "/" + name + "/README.md")
            #expect(readme.hasSuffix("\n") && String(readme.dropLast()).lines.count == 1 && readme.count > 20, "\(name)/README.md: \(readme)")
            #expect(CLIHarness.parseJSON(CLIHarness.readFile(Self.directory + "/" + name + "/config.json")) != nil, "\(name)")
        }
    }

    @Test(arguments: names)
    func exampleRunsAndShowsItsFeature(_ name: String) throws {
        let fixture = try ContainerFixture("example")
        defer { fixture.cleanUp() }
        fixture.config = try #require(CLIHarness.parseJSON(CLIHarness.readFile(Self.directory + "/" + name + "/config.json")))
        fixture.writeConfig()
        let id = fixture.makeID(name)
        let result = fixture.swiftlet(["run", "--bundle", fixture.bundle, id])
        #expect(result.status == 0, "\(name): \(result)")
        for expected in Self.expectedOutput[name] ?? [] {
            #expect(result.output.contains(expected), "\(name) prints no \"\(expected)\": \(result)")
        }
        #expect(fixture.leftovers(of: id) == [])
        if let cgroupsPath = fixture.config["linux"]?["cgroupsPath"]?.stringValue, cgroupsPath.hasPrefix("/") {
            #expect(HostLeftovers.cgroupDirectories(named: String(cgroupsPath.dropFirst())) == [])
        }
    }

    /// The time-namespace example's boottime offset is a year: uptime inside says so.
    @Test func timeNamespaceExampleIsAYearAhead() throws {
        try #require(Self.names.contains("time-namespace"))
        let fixture = try ContainerFixture("example")
        defer { fixture.cleanUp() }
        fixture.config = try #require(CLIHarness.parseJSON(CLIHarness.readFile(Self.directory + "/time-namespace/config.json")))
        fixture.writeConfig()
        let result = fixture.swiftlet(["run", "--bundle", fixture.bundle, fixture.makeID("timens")])
        let uptime = result.stdout.field("uptime", separator: "=").flatMap { Double($0) } ?? 0
        #expect(uptime > 365 * 86400, "\(result)")
    }
}
