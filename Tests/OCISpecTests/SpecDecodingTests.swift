import FoundationEssentials
import Testing
@testable import OCISpec

/// SpecDecoder (hand-written) against JSONValueDecoder (Codable, the reference): the same value, problems and
/// dropped paths for every bundle and schema example, and for every single-value mutation of a config that sets
/// every field of every type: each member and element replaced by each kind of wrong value, each member removed.
@Suite struct SpecDecodingTests {
    /// Every field of every spec type, with valid values.
    static let everything = #"""
    {"ociVersion": "1.2.0", "hostname": "h", "domainname": "d",
     "root": {"path": "rootfs", "readonly": true},
     "annotations": {"a": "b", "org.example/key": "v"},
     "mounts": [{"destination": "/d", "type": "bind", "source": "/s", "options": ["rbind", "ro"],
                 "uidMappings": [{"containerID": 0, "hostID": 1000, "size": 1}], "gidMappings": [{"containerID": 0, "hostID": 1000, "size": 1}]}],
     "process": {"terminal": false, "consoleSize": {"height": 24, "width": 80}, "cwd": "/",
                 "user": {"uid": 1, "gid": 2, "umask": 18, "additionalGids": [3, 4]},
                 "args": ["sh", "-c", "true"], "env": ["PATH=/bin"],
                 "capabilities": {"bounding": ["CAP_KILL"], "effective": ["CAP_KILL"], "inheritable": [], "permitted": ["CAP_KILL"], "ambient": []},
                 "rlimits": [{"type": "RLIMIT_NOFILE", "hard": 1024, "soft": 1024}],
                 "noNewPrivileges": true, "apparmorProfile": "p", "oomScoreAdj": -100, "selinuxLabel": "l",
                 "scheduler": {"policy": "SCHED_DEADLINE", "nice": 1, "priority": 2, "flags": ["SCHED_FLAG_RESET_ON_FORK"], "runtime": 1, "deadline": 2, "period": 3},
                 "ioPriority": {"class": "IOPRIO_CLASS_BE", "priority": 4},
                 "execCPUAffinity": {"initial": "0", "final": "0-1"}},
     "hooks": {"prestart": [{"path": "/bin/true", "args": ["true"], "env": ["A=1"], "timeout": 5}], "createRuntime": [], "createContainer": [],
               "startContainer": [], "poststart": [], "poststop": [{"path": "/bin/true"}]},
     "linux": {"uidMappings": [{"containerID": 0, "hostID": 1000, "size": 65536}], "gidMappings": [{"containerID": 0, "hostID": 1000, "size": 65536}],
               "sysctl": {"net.ipv4.ip_forward": "1"}, "cgroupsPath": "/c",
               "namespaces": [{"type": "pid"}, {"type": "network", "path": "/proc/1/ns/net"}],
               "devices": [{"path": "/dev/fuse", "type": "c", "major": 10, "minor": 229, "fileMode": 438, "uid": 0, "gid": 0}],
               "netDevices": {"eth0": {"name": "ctr0"}},
               "seccomp": {"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 1, "architectures": ["SCMP_ARCH_X86_64"],
                           "flags": ["SECCOMP_FILTER_FLAG_LOG"], "listenerPath": "/l", "listenerMetadata": "m",
                           "syscalls": [{"names": ["mkdir"], "action": "SCMP_ACT_ALLOW", "errnoRet": 2,
                                         "args": [{"index": 0, "value": 1, "valueTwo": 2, "op": "SCMP_CMP_EQ"}]}]},
               "rootfsPropagation": "rslave", "maskedPaths": ["/proc/kcore"], "readonlyPaths": ["/proc/sys"], "mountLabel": "m",
               "intelRdt": {"closID": "c", "schemata": ["L3:0=f"], "l3CacheSchema": "L3:0=f", "memBwSchema": "MB:0=50", "enableMonitoring": true},
               "memoryPolicy": {"mode": "MPOL_BIND", "nodes": "0", "flags": ["MPOL_F_STATIC_NODES"]},
               "personality": {"domain": "LINUX32", "flags": []},
               "timeOffsets": {"monotonic": {"secs": 1, "nanosecs": 2}},
               "resources": {"devices": [{"allow": false, "type": "a", "major": 1, "minor": 2, "access": "rwm"}],
                             "memory": {"limit": 1, "reservation": 2, "swap": 3, "kernel": 4, "kernelTCP": 5, "swappiness": 6,
                                        "disableOOMKiller": true, "useHierarchy": true, "checkBeforeUpdate": true},
                             "cpu": {"shares": 1, "quota": 2, "burst": 3, "period": 4, "realtimeRuntime": 5, "realtimePeriod": 6,
                                     "cpus": "0", "mems": "0", "idle": 1},
                             "pids": {"limit": 10},
                             "blockIO": {"weight": 10, "leafWeight": 10, "weightDevice": [{"major": 8, "minor": 0, "weight": 1, "leafWeight": 1}],
                                         "throttleReadBpsDevice": [{"major": 8, "minor": 0, "rate": 1}], "throttleWriteBpsDevice": [],
                                         "throttleReadIOPSDevice": [], "throttleWriteIOPSDevice": [{"major": 8, "minor": 0, "rate": 2}]},
                             "hugepageLimits": [{"pageSize": "2MB", "limit": 1}],
                             "network": {"classID": 1, "priorities": [{"name": "eth0", "priority": 1}]},
                             "rdma": {"mlx5_1": {"hcaHandles": 1, "hcaObjects": 2}},
                             "unified": {"memory.high": "1"}}}}
    """#

    /// Each a wrong kind somewhere; together every kind a JSON value can have, and numbers out of every range.
    static let substitutes: [JSONValue] = [
        .null, .string("x"), .string("BOGUS"), .bool(true), .array([]), .object(JSONObject()),
        .array([.number(JSONNumber(literal: "1"))]), .object(JSONObject(members: [JSONMember(key: "k", value: .number(JSONNumber(literal: "1")))])),
        .number(JSONNumber(literal: "1.5")), .number(JSONNumber(literal: "-1")), .number(JSONNumber(literal: "70000")),
        .number(JSONNumber(literal: "5000000000")), .number(JSONNumber(literal: "100000000000000000000")),
    ]

    /// Differences between the two decoders for one document (empty when they agree).
    static func differences<T: Decodable & SpecDecodable & Equatable>(_ type: T.Type, _ value: JSONValue) -> [String] {
        let reference = JSONValueDecoder.decodeCollecting(type, from: value)
        let handWritten = SpecDecoder.decodeCollecting(type, from: value)
        var found: [String] = []
        if handWritten.value != reference.value { found.append("value: \(String(describing: handWritten.value)) vs \(String(describing: reference.value))") }
        if handWritten.problems != reference.problems { found.append("problems: \(handWritten.problems) vs \(reference.problems)") }
        if handWritten.droppedPaths != reference.droppedPaths { found.append("dropped: \(handWritten.droppedPaths) vs \(reference.droppedPaths)") }
        return found
    }

    /// The document with the value at `path` (member names and element indexes) replaced, or removed when nil.
    static func replacing(_ path: ArraySlice<String>, in value: JSONValue, with replacement: JSONValue?) -> JSONValue? {
        guard let step = path.first else { return replacement }
        switch value {
        case .object(var object):
            guard let index = object.members.firstIndex(where: { $0.key == step }) else { return value }
            if let inner = replacing(path.dropFirst(), in: object.members[index].value, with: replacement) {
                object.members[index].value = inner
            } else {
                object.members.remove(at: index)
            }
            return .object(object)
        case .array(var elements):
            guard let index = Int(step), elements.indices.contains(index) else { return value }
            if let inner = replacing(path.dropFirst(), in: elements[index], with: replacement) {
                elements[index] = inner
            } else {
                elements.remove(at: index)
            }
            return .array(elements)
        default:
            return value
        }
    }

    /// Every member and element path of the document.
    static func paths(_ value: JSONValue, under prefix: [String] = []) -> [[String]] {
        switch value {
        case .object(let object): object.members.flatMap { [prefix + [$0.key]] + paths($0.value, under: prefix + [$0.key]) }
        case .array(let elements): elements.indices.flatMap { [prefix + [String($0)]] + paths(elements[$0], under: prefix + [String($0)]) }
        default: []
        }
    }

    static func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    @Test func everythingDecodesCleanlyAndTheSame() throws {
        let document = try Self.parse(Self.everything)
        #expect(Self.differences(Spec.self, document) == [])
        let outcome = SpecDecoder.decodeCollecting(Spec.self, from: document)
        #expect(outcome.problems == [] && outcome.value != nil, "\(outcome.problems)")
        // Every field is set, so every mutation below reaches a field of its own.
        #expect(outcome.value?.linux?.resources?.rdma?["mlx5_1"]?.hcaObjects == 2)
        #expect(outcome.value?.process?.ioPriority?.class == .be)
    }

    @Test func everySingleMutationDecodesTheSame() throws {
        let document = try Self.parse(Self.everything)
        var mismatches: [String] = []
        var count = 0
        for path in Self.paths(document) {
            for substitute in Self.substitutes + [nil] {
                guard let mutated = Self.replacing(path[...], in: document, with: substitute) else { continue }
                count += 1
                let found = Self.differences(Spec.self, mutated)
                if !found.isEmpty { mismatches.append("\(path.joined(separator: "/")) = \(String(describing: substitute)): \(found)") }
            }
        }
        #expect(count > 2000, "only \(count) mutations")
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(count) differ, first: \(mismatches.prefix(3))")
    }

    /// The parts other commands decode alone: `exec --process`, `update --resources`, the hooks kept in state.
    @Test func partsDecodeTheSame() throws {
        let document = try Self.parse(Self.everything)
        guard case .object(let top) = document, case .object(let linux)? = top["linux"] else { Issue.record("no linux"); return }
        let parts: [(String, JSONValue?)] = [("process", top["process"]), ("resources", linux["resources"]), ("hooks", top["hooks"])]
        for (name, part) in parts {
            let part = try #require(part, "\(name)")
            for path in [[]] + Self.paths(part) {
                for substitute in Self.substitutes + [nil] {
                    guard let mutated = Self.replacing(path[...], in: part, with: path.isEmpty ? substitute ?? .null : substitute) else { continue }
                    let found = switch name {
                    case "process": Self.differences(Process.self, mutated)
                    case "resources": Self.differences(LinuxResources.self, mutated)
                    default: Self.differences(Hooks.self, mutated)
                    }
                    #expect(found.isEmpty, "\(name) \(path) = \(String(describing: substitute)): \(found)")
                }
            }
        }
    }

    static var exampleFiles: [String] {
        let examples = (try? FileManager.default.contentsOfDirectory(atPath: specExamplesDirectory)) ?? []
        let bundles = examples.sorted().map { specExamplesDirectory + "/" + $0 + "/config.json" }
            .filter { FileManager.default.fileExists(atPath: $0) }
        let schema = ["config/good", "config/bad"].flatMap { folder in
            let directory = runtimeSpecDirectory + "/schema/test/" + folder
            return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted().map { directory + "/" + $0 }
        }
        return bundles + schema + [fixturesDirectory + "/runc-spec.json", fixturesDirectory + "/runc-spec-rootless.json"]
    }

    @Test func examplesAreThere() {
        #expect(Self.exampleFiles.filter { $0.contains("spec-examples") }.count >= 10, "\(specExamplesDirectory)")
        #expect(Self.exampleFiles.filter { $0.contains("schema/test") }.count >= 8, "\(runtimeSpecDirectory)")
    }

    @Test(arguments: exampleFiles)
    func exampleDecodesTheSame(_ path: String) throws {
        let bytes = FileManager.default.contents(atPath: path).map { Array($0) } ?? []
        let reference = JSONValueDecoder.decodeCollecting(Spec.self, from: bytes)
        let handWritten = SpecDecoder.decodeCollecting(Spec.self, from: bytes)
        #expect(handWritten.value == reference.value, "\(path)")
        #expect(handWritten.problems == reference.problems, "\(path)")
        #expect(handWritten.droppedPaths == reference.droppedPaths, "\(path)")
    }
}

/// spec-examples/ beside Tests/ (`#filePath` → ../../spec-examples).
let specExamplesDirectory: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    parts.removeLast(3)
    return parts.joined(separator: "/") + "/spec-examples"
}()
