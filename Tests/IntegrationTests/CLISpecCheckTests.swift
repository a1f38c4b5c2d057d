import Glibc
import OCISpec
import Testing

/// `spec` and `check` on real bundles.
@Suite(.enabled(if: CLIHarness.canRun, "needs root and the built swiftlet binary (SWIFTLET_BIN)"))
struct CLISpecCheckTests {
    /// A bundle whose rootfs links to the busybox example's.
    private func makeBundle(_ temp: CLITemporaryDirectory) throws -> String {
        let rootfs = CLIHarness.busyboxBundle + "/rootfs"
        try #require(access(rootfs + "/bin/busybox", X_OK) == 0, "run scripts/make-busybox-rootfs.sh \(rootfs) first")
        let bundle = temp.path + "/bundle"
        mkdir(bundle, 0o755)
        symlink(rootfs, bundle + "/rootfs")
        return bundle
    }

    @Test func specThenCheckPasses() throws {
        let temp = CLITemporaryDirectory()
        defer { temp.remove() }
        let bundle = try makeBundle(temp)
        let spec = CLIHarness.run(["spec", "--bundle", bundle], in: temp)
        #expect(spec.status == 0, "\(spec.stderr)")
        let config = CLIHarness.readFile(bundle + "/config.json")
        #expect(CLIHarness.parseJSON(config) != nil)
        let check = CLIHarness.run(["check", "-b", bundle], in: temp)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout == "config.json: ok\n")
    }

    @Test func specRefusesToOverwriteLikeRunc() throws {
        let temp = CLITemporaryDirectory()
        defer { temp.remove() }
        let bundle = try makeBundle(temp)
        #expect(CLIHarness.run(["spec", "-b", bundle], in: temp).status == 0)
        let again = CLIHarness.run(["spec", "-b", bundle], in: temp)
        #expect(again.status == 1)
        #expect(again.stderr.contains("File config.json exists. Remove it first"))
    }

    @Test func badConfigReportsAllThreeProblemsWithPaths() throws {
        let temp = CLITemporaryDirectory()
        defer { temp.remove() }
        let bundle = try makeBundle(temp)
        CLIHarness.writeFile(bundle + "/config.json", """
            {"ociVersion": "1.0.2", "root": {"path": "rootfs"},
             "process": {"cwd": "/", "user": {"uid": 0, "gid": 0}, "args": [],
                         "capabilities": {"bounding": ["CAP_CHOWN", "CAP_BOGUS"]}},
             "linux": {"namespaces": [{"type": "pid"}, {"type": "foo"}]}}
            """)
        let text = CLIHarness.run(["check", "--bundle", bundle], in: temp)
        #expect(text.status == 1)
        for expected in [
            "process.args: must not be empty", "linux.namespaces[1].type: unknown namespace type \"foo\"",
            "process.capabilities.bounding[1]: unknown capability \"CAP_BOGUS\"",
        ] {
            #expect(text.stdout.contains(expected + "\n"), "missing \(expected) in \(text.stdout)")
        }

        let json = CLIHarness.run(["check", "--bundle", bundle, "--format", "json"], in: temp)
        #expect(json.status == 1)
        guard case .array(let items) = try #require(CLIHarness.parseJSON(json.stdout)) else {
            Issue.record("not a JSON array: \(json.stdout)")
            return
        }
        let paths = items.compactMap { item -> String? in
            guard case .object(let object) = item, case .string(let path) = object["path"],
                case .string("error") = object["severity"], case .string = object["message"]
            else { return nil }
            return path
        }
        #expect(Set(paths) == ["process.args", "linux.namespaces[1].type", "process.capabilities.bounding[1]"])
    }

    @Test func checkOfAMissingBundleFails() {
        let temp = CLITemporaryDirectory()
        defer { temp.remove() }
        let result = CLIHarness.run(["check", "-b", temp.path + "/nope"], in: temp)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("config.json: cannot read"))
    }
}
