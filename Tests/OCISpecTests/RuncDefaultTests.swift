import FoundationEssentials
import Testing
@testable import OCISpec

/// `Spec.runcDefault` against what runc 1.1 wrote (`runc spec`, `runc spec --rootless` as root), kept as fixtures.
@Suite struct RuncDefaultTests {
    func fixture(_ name: String) throws -> JSONValue {
        let data = try #require(FileManager.default.contents(atPath: fixturesDirectory + "/" + name))
        return try JSONParser.parse(Array(data))
    }

    /// JSON values compared with object member order ignored (runc and JSONEncoder order keys differently).
    func normalized(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            let members = object.members.map { JSONMember(key: $0.key, value: normalized($0.value)) }.sorted { $0.key < $1.key }
            return .object(JSONObject(members: members))
        case .array(let elements):
            return .array(elements.map(normalized))
        default:
            return value
        }
    }

    @Test func defaultSpecEqualsRuncSpec() throws {
        let ours = try JSONParser.parse(SpecJSON.encode(Spec.runcDefault(rootless: false), pretty: true))
        #expect(normalized(ours) == normalized(try fixture("runc-spec.json")))
    }

    @Test func rootlessSpecEqualsRuncSpecRootless() throws {
        let ours = try JSONParser.parse(SpecJSON.encode(Spec.runcDefault(rootless: true), pretty: false))
        #expect(normalized(ours) == normalized(try fixture("runc-spec-rootless.json")))
    }

    @Test func defaultSpecsAreValid() throws {
        for rootless in [false, true] {
            let bytes = SpecJSON.encode(Spec.runcDefault(rootless: rootless, hostUID: 1000, hostGID: 1000), pretty: true)
            let result = try SpecLoader.load(bytes: bytes)
            #expect(result.warnings.isEmpty)
            #expect(result.spec == Spec.runcDefault(rootless: rootless, hostUID: 1000, hostGID: 1000))
        }
    }
}
