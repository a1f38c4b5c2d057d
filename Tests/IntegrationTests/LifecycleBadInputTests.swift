import Glibc
import OCISpec
import Testing

/// Bad input is refused at create with an error that names the field or value, a non-zero exit, and nothing
/// left behind: no state directory, no process, no mount, no cgroup.
@Suite(.enabled(if: ContainerFixture.isAvailable, ContainerFixture.requirement))
struct LifecycleBadInputTests {
    /// A broken bundle and the words its error must contain.
    enum BrokenBundle: String, CaseIterable, Sendable {
        case malformedJSON, emptyArgs, unknownNamespaceType, ociVersion2, missingRootfs
        case hostnameWithoutUTSNamespace, sysctlOfTheHost, missingExecutable, cwdIsAFile, missingBindSource

        /// Breaks the fixture's bundle.
        func apply(to fixture: ContainerFixture) {
            switch self {
            case .malformedJSON:
                CLIHarness.writeFile(fixture.bundle + "/config.json", "{\"ociVersion\": \"1.0.2\", \"process\": {\n")
                return
            case .emptyArgs:
                fixture.config.set("process", "args", to: .array([]))
            case .unknownNamespaceType:
                let namespaces = fixture.config["linux"]?["namespaces"]?.arrayValue ?? []
                fixture.config.set("linux", "namespaces", to: .array(namespaces + [.members(["type": .string("foo")])]))
            case .ociVersion2:
                fixture.config.set("ociVersion", to: .string("2.0.0"))
            case .missingRootfs:
                fixture.config.set("root", "path", to: .string("no-such-rootfs"))
            case .hostnameWithoutUTSNamespace:
                let namespaces = fixture.config["linux"]?["namespaces"]?.arrayValue ?? []
                fixture.config.set("linux", "namespaces", to: .array(namespaces.filter { $0["type"]?.stringValue != "uts" }))
                fixture.config.set("hostname", to: .string("no-uts"))
            case .sysctlOfTheHost:
                fixture.config.set("linux", "sysctl", to: .members(["kernel.hostname-is-not-namespaced": .string("1")]))
            case .missingExecutable:
                fixture.config.set("process", "args", to: .strings(["/no-such-program"]))
            case .cwdIsAFile:
                fixture.config.set("process", "cwd", to: .string("/etc/passwd"))
            case .missingBindSource:
                let mounts = fixture.config["mounts"]?.arrayValue ?? []
                fixture.config.set("mounts", to: .array(mounts + [.members([
                    "destination": .string("/mnt"), "type": .string("bind"), "source": .string("/no-such-bind-source"),
                    "options": .strings(["rbind"]),
                ])]))
            }
            fixture.writeConfig()
        }

        /// Texts the error must contain: the JSON path or the value at fault.
        var expectedWords: [String] {
            switch self {
            case .malformedJSON: ["line 2", "column"]  // where the syntax breaks: the text has no field yet
            case .emptyArgs: ["process.args"]
            case .unknownNamespaceType: ["linux.namespaces[", "type", "foo"]
            case .ociVersion2: ["ociVersion", "2.0.0"]
            case .missingRootfs: ["root.path", "no-such-rootfs"]
            case .hostnameWithoutUTSNamespace: ["hostname", "uts"]
            case .sysctlOfTheHost: ["linux.sysctl", "kernel.hostname-is-not-namespaced"]
            case .missingExecutable: ["process.args[0]", "/no-such-program", "no such file or directory"]
            case .cwdIsAFile: ["process.cwd", "/etc/passwd", "not a directory"]
            case .missingBindSource: ["mounts[", "/no-such-bind-source"]
            }
        }
    }

    /// Everything create may have left for `id`, including mounts of the bundle's (possibly broken) rootfs.
    static func expectNothingLeft(_ fixture: ContainerFixture, _ id: String) {
        #expect(fixture.leftovers(of: id) == [])
        #expect(HostLeftovers.stateDirectories(in: fixture.root) == [], "state root: \(fixture.root)")
    }

    @Test(arguments: BrokenBundle.allCases)
    func brokenBundleIsRefused(_ broken: BrokenBundle) throws {
        let fixture = try ContainerFixture("bad")
        defer { fixture.cleanUp() }
        fixture.setShell("echo should-not-run")
        broken.apply(to: fixture)
        let id = fixture.makeID()
        for command in [["create", "--bundle", fixture.bundle, id], ["run", "--bundle", fixture.bundle, id]] {
            let result = fixture.swiftlet(command)
            #expect(result.status != 0, "\(command[0]): \(result)")
            #expect(!result.timedOut)
            #expect(!result.stdout.contains("should-not-run"), "\(result)")
            for word in broken.expectedWords {
                #expect(result.stderr.contains(word), "\(command[0]) error lacks \(word): \(result)")
            }
            #expect(result.stderr.contains("level=error"), "\(result)")
            // Warnings are their own level=warning lines; folded into the error they bury it (engines show msg).
            let errorLines = result.stderr.lines.filter { $0.contains("level=error") }
            #expect(!errorLines.contains { $0.contains("warning:") }, "\(command[0]) error carries warnings: \(result)")
            Self.expectNothingLeft(fixture, id)
        }
    }

    /// Engines read errors from --log (runc's JSON lines): the same words land there.
    @Test func theErrorAlsoGoesToTheJSONLog() throws {
        let fixture = try ContainerFixture("badlog")
        defer { fixture.cleanUp() }
        fixture.config.set("process", "args", to: .array([]))
        fixture.writeConfig()
        let log = fixture.directory + "/swiftlet.log"
        let result = fixture.swiftlet(["--log", log, "--log-format", "json", "create", "--bundle", fixture.bundle, fixture.makeID()])
        #expect(result.status != 0)
        let lines = CLIHarness.readFile(log).lines.filter { !$0.isEmpty }.compactMap { CLIHarness.parseJSON($0) }
        let errors = lines.filter { $0["level"]?.stringValue == "error" }
        #expect(errors.count == 1, "\(CLIHarness.readFile(log))")
        #expect(errors.first?["msg"]?.stringValue?.contains("process.args") == true, "\(CLIHarness.readFile(log))")
    }

    @Test func idWithAPathIsRefused() throws {
        let fixture = try ContainerFixture("badid")
        defer { fixture.cleanUp() }
        fixture.setShell("echo should-not-run")
        let result = fixture.swiftlet(["create", "--bundle", fixture.bundle, "../x"])
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.contains("invalid container ID format"), "\(result)")
        #expect(access(fixture.directory + "/x", F_OK) != 0, "../x must not land next to the state root")
        #expect(HostLeftovers.stateDirectories(in: fixture.root) == [])
        #expect(HostLeftovers.processes(mentioning: fixture.bundle) == [])
    }

    @Test func duplicateIDIsRefusedAndTheFirstContainerSurvives() throws {
        let fixture = try ContainerFixture("dupid")
        defer { fixture.cleanUp() }
        fixture.setShell("sleep 1000")
        let id = fixture.makeID()
        let first = fixture.swiftlet(["create", "--bundle", fixture.bundle, id])
        try #require(first.status == 0, "\(first)")
        let firstPid = try #require(fixture.state(id)?["pid"]?.integerValue)

        let second = fixture.swiftlet(["create", "--bundle", fixture.bundle, id])
        #expect(second.status != 0, "\(second)")
        #expect(second.stderr.contains("container with given ID already exists"), "\(second)")
        let state = fixture.state(id)
        #expect(state?["status"]?.stringValue == "created")
        #expect(state?["pid"]?.integerValue == firstPid)
        #expect(HostLeftovers.stateDirectories(in: fixture.root) == [id])
        // The first init still waits for start as a fork of `swiftlet create … id`: the only process naming the id.
        let processes = HostLeftovers.processes(mentioning: id)
        #expect(processes.count == 1 && processes.first?.hasPrefix("\(firstPid):") == true, "\(processes)")
    }
}
