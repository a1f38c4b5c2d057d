import FoundationEssentials
import Testing
@testable import OCISpec

/// The runtime-spec's own good/bad examples (schema/test), read from the shared checkout at test time.
@Suite struct SchemaExampleTests {
    /// Examples for other platforms only (no Linux fields we could check).
    static let otherPlatforms = ["freebsd", "solaris", "windows", "vm", "zos"]

    static func files(_ folder: String) -> [String] {
        let directory = runtimeSpecDirectory + "/schema/test/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { name in name.hasSuffix(".json") && !otherPlatforms.contains { name.hasPrefix($0 + "-") } }
            .sorted().map { directory + "/" + $0 }
    }

    static func read(_ path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map { Array($0) } ?? []
    }

    @Test func sharedCheckoutIsPresent() {
        #expect(Self.files("config/good").count >= 4, "no examples under \(runtimeSpecDirectory)")
        #expect(Self.files("config/bad").count >= 4)
    }

    @Test(arguments: files("config/good"))
    func goodConfigDecodes(_ path: String) throws {
        let outcome = JSONValueDecoder.decodeCollecting(Spec.self, from: Self.read(path))
        #expect(outcome.value != nil)
        #expect(outcome.problems.isEmpty, "\(path): \(outcome.problems)")
    }

    /// Schema-valid is not always runnable: these good examples break one semantic rule each.
    static let semanticErrorsInGoodExamples = [
        // Written for spec 0.5; swiftlet (like runc) refuses other major versions.
        "spec-example.json": ["ociVersion"],
        // Moves host interfaces without a network namespace of its own (runc refuses this too).
        "linux-netdevice.json": ["linux.netDevices"],
    ]

    @Test(arguments: files("config/good"))
    func goodConfigPassesValidation(_ path: String) throws {
        let (spec, problems) = SpecLoader.diagnose(bytes: Self.read(path))
        #expect(spec != nil)
        let name = String(path.split(separator: "/").last ?? "")
        let errorPaths = problems.filter { $0.severity == .error }.map(\.path)
        #expect(errorPaths == Self.semanticErrorsInGoodExamples[name] ?? [], "\(name): \(problems)")
    }

    @Test(arguments: files("config/bad"))
    func badConfigIsRefusedWithAPath(_ path: String) {
        let (_, problems) = SpecLoader.diagnose(bytes: Self.read(path))
        let errors = problems.filter { $0.severity == .error }
        #expect(!errors.isEmpty, "\(path) accepted")
        if !path.hasSuffix("invalid-json.json") {
            #expect(errors.allSatisfy { !$0.path.isEmpty }, "\(path): \(errors)")
        } else {
            #expect(errors.first?.message.hasPrefix("line 1, column 2") == true, "\(errors)")
        }
    }

    @Test func badExamplesNameTheOffendingField() {
        let expected = [
            "linux-hugepage.json": "linux.resources.hugepageLimits[0].pageSize",
            "linux-netdevice.json": "linux.netDevices.eth0.name",
            "linux-rdma.json": "linux.resources.rdma.mlx5_1.hcaHandles",
        ]
        for (name, path) in expected {
            let (_, problems) = SpecLoader.diagnose(bytes: Self.read(runtimeSpecDirectory + "/schema/test/config/bad/" + name))
            #expect(paths(problems).contains(path), "\(name): \(problems)")
        }
    }

    @Test(arguments: files("state/good"))
    func goodStateDecodes(_ path: String) throws {
        let state = try JSONValueDecoder.decode(State.self, from: Self.read(path))
        #expect(!state.id.isEmpty)
    }

    @Test(arguments: files("state/bad"))
    func badStateIsRefused(_ path: String) {
        #expect(throws: ConfigError.self) { try JSONValueDecoder.decode(State.self, from: Self.read(path)) }
    }

    @Test(arguments: files("features/good"))
    func goodFeaturesDecode(_ path: String) throws {
        let features = try JSONValueDecoder.decode(Features.self, from: Self.read(path))
        #expect(!features.ociVersionMax.isEmpty)
    }

    @Test(arguments: files("features/bad"))
    func badFeaturesAreRefused(_ path: String) {
        do {
            _ = try JSONValueDecoder.decode(Features.self, from: Self.read(path))
            Issue.record("\(path) accepted")
        } catch {
            #expect(error.problems.contains { !$0.path.isEmpty }, "\(error)")
        }
    }

    /// Every example embedded in the spec's markdown that is a whole config.json decodes.
    @Test func specExampleConfigHasEveryLinuxSection() throws {
        let path = runtimeSpecDirectory + "/schema/test/config/good/spec-example.json"
        let spec = try #require(SpecLoader.diagnose(bytes: Self.read(path)).spec)
        #expect(spec.linux?.seccomp != nil)
        #expect(spec.linux?.resources?.memory?.limit != nil)
        #expect(spec.hooks?.poststop?.isEmpty == false)
        #expect(spec.process?.rlimits?.isEmpty == false)
    }
}
