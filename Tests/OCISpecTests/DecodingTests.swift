import Testing
@testable import OCISpec

@Suite struct DecodingTests {
    @Test func reportsEveryProblemAtOnceWithPaths() {
        let json = config(
            process: #"{"cwd": "/", "user": {"uid": 0, "gid": 0}, "args": [], "capabilities": {"bounding": ["CAP_KILL", "CAP_CHOWN", "CAP_BOGUS"]}}"#,
            linux: #"{"namespaces": [{"type": "pid"}, {"type": "ipc"}, {"type": "uts"}, {"type": "mount"}, {"type": "network"}, {"type": "foo"}]}"#
        )
        let (spec, problems) = diagnose(json)
        #expect(spec != nil)
        let descriptions = problems.map(\.description)
        #expect(descriptions.contains("process.args: must not be empty"))
        #expect(descriptions.contains(#"linux.namespaces[5].type: unknown namespace type "foo""#))
        #expect(descriptions.contains(#"process.capabilities.bounding[2]: unknown capability "CAP_BOGUS""#))
        #expect(problems.count == 3, "\(descriptions)")
        #expect(throws: ConfigError.self) { try SpecLoader.load(bytes: bytes(json)) }
    }

    @Test func wrongTypeNamesPathAndExpectedType() {
        let (_, problems) = diagnose(config(process: #"{"cwd": "/", "user": {"uid": 0, "gid": 0}, "args": "sh"}"#))
        #expect(problems.first?.description == "process.args: expected an array of strings, found a string")
        #expect(problems.first?.path == "process.args")
        #expect(problems.first?.message.contains("array") == true)
    }

    @Test func everyBadArrayElementIsReported() {
        let (_, problems) = diagnose(config(process: #"{"cwd": "/", "user": {"uid": 0, "gid": 0}, "args": ["sh", 1, true, "x", null]}"#))
        #expect(paths(problems).filter { $0.hasPrefix("process.args[") } == ["process.args[1]", "process.args[2]", "process.args[4]"])
    }

    @Test func unknownRlimitAndOutOfRangeNumbers() {
        let (_, problems) = diagnose(config(
            process: #"{"cwd": "/", "args": ["sh"], "user": {"uid": 4294967296, "gid": -1}, "rlimits": [{"type": "RLIMIT_FOO", "hard": 1, "soft": 1}]}"#))
        let descriptions = problems.map(\.description)
        #expect(descriptions.contains(#"process.rlimits[0].type: unknown rlimit "RLIMIT_FOO""#))
        #expect(descriptions.contains { $0.hasPrefix("process.user.uid: 4294967296 is out of range for an unsigned 32-bit integer") })
        #expect(descriptions.contains { $0.hasPrefix("process.user.gid: -1 is out of range") })
    }

    @Test func missingRequiredFieldPropagatesToOptionalAncestor() {
        let (spec, problems) = diagnose(config(process: #"{"args": ["sh"], "user": {"uid": 0, "gid": 0}}"#))
        #expect(problems.map(\.description) == ["process.cwd: missing required field"])
        #expect(spec != nil && spec?.process == nil)
    }

    @Test func mapKeysThatAreNotIdentifiersAreQuoted() {
        let (_, problems) = diagnose(config(#""annotations": {"org.example.x": 1, "plain": "ok"}"#,
            linux: #"{"sysctl": {"net.ipv4.ip_forward": 1}, "namespaces": [{"type": "network"}]}"#))
        let descriptions = problems.map(\.description)
        #expect(descriptions.contains(#"annotations["org.example.x"]: expected a string, found a number"#))
        #expect(descriptions.contains(#"linux.sysctl["net.ipv4.ip_forward"]: expected a string, found a number"#))
    }

    @Test func unknownKeysAreTolerated() throws {
        let result = try SpecLoader.load(bytes: bytes(config(#""somethingNew": {"x": [1, 2]}, "solaris": {}"#)))
        #expect(result.warnings.isEmpty)
        #expect(result.spec.root?.path == "rootfs")
    }

    @Test func fullRangeNumbersRoundTrip() throws {
        let json = config(
            process: #"{"cwd": "/", "args": ["sh"], "user": {"uid": 0, "gid": 0}, "rlimits": [{"type": "RLIMIT_NOFILE", "hard": 18446744073709551615, "soft": 1024}]}"#,
            linux: #"{"resources": {"memory": {"limit": -1, "swap": -1}, "pids": {"limit": -1}}}"#)
        let spec = try SpecLoader.load(bytes: bytes(json)).spec
        #expect(spec.process?.rlimits?.first?.hard == UInt64.max)
        #expect(spec.linux?.resources?.memory?.limit == -1)
        #expect(spec.linux?.resources?.pids?.limit == -1)
        let encoded = SpecJSON.encode(spec, pretty: false)
        let text = String(decoding: encoded, as: UTF8.self)
        #expect(text.contains("18446744073709551615"))
        #expect(text.contains(#""limit":-1"#))
        let again = try JSONValueDecoder.decode(Spec.self, from: encoded)
        #expect(again == spec)
    }

    @Test func malformedJSONGivesLineAndColumn() {
        let (spec, problems) = diagnose("{\n  \"ociVersion\": \"1.0.0\",\n  \"root\": {\"path\": \"rootfs\"\n")
        #expect(spec == nil)
        #expect(problems.count == 1)
        #expect(problems.first?.message.hasPrefix("line 4, column 1: ") == true, "\(problems)")
    }

    @Test func deepNestingInAConfigIsAProblem() {
        let (spec, problems) = SpecLoader.diagnose(bytes: [UInt8](repeating: UInt8(ascii: "["), count: 100_000))
        #expect(spec == nil)
        #expect(problems.first?.message.contains("nesting deeper than 256 levels") == true)
    }

    @Test func rootThatIsNotAnObject() {
        let (spec, problems) = diagnose("[1]")
        #expect(spec == nil)
        #expect(problems.map(\.description) == ["expected an object, found an array"])
    }

    @Test func enumsEncodeAsTheirSpecStrings() {
        let text = String(decoding: SpecJSON.encode(LinuxNamespace(type: .network, path: "/proc/1/ns/net"), pretty: false), as: UTF8.self)
        #expect(text == #"{"path":"/proc/1/ns/net","type":"network"}"#)
    }

    @Test func decodesOtherDocumentsWithPaths() throws {
        let resources = try JSONValueDecoder.decode(LinuxResources.self, from: bytes(#"{"memory": {"limit": 1048576}, "cpu": {"shares": 512}}"#))
        #expect(resources.memory?.limit == 1_048_576)
        #expect(throws: ConfigError.self) {
            try JSONValueDecoder.decode(Process.self, from: bytes(#"{"cwd": "/", "user": {"uid": "root", "gid": 0}}"#))
        }
        do {
            _ = try JSONValueDecoder.decode(Process.self, from: bytes(#"{"cwd": "/", "user": {"uid": "root", "gid": 0}}"#))
        } catch {
            #expect(error.description == "user.uid: expected an unsigned 32-bit integer, found a string")
        }
    }

    @Test func configErrorListsOneProblemPerLine() {
        let error = ConfigError(problems: [.error("a", "x"), .warning("b", "y")])
        #expect(error.description == "a: x\nwarning: b: y")
    }

    @Test func missingBundleConfigIsAProblemAtConfigJSON() {
        do {
            _ = try SpecLoader.load(bundle: "/nonexistent-swiftlet-bundle")
            Issue.record("loaded a missing bundle")
        } catch {
            #expect(error.problems.first?.path == "config.json")
        }
    }
}
