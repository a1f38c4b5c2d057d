import FoundationEssentials
import Testing
@testable import OCISpec

/// The shared runtime-spec checkout beside the repository (`#filePath` → ../../../shared/runtime-spec),
/// searched upwards so it is also found when the tests are built from a scratch package.
let runtimeSpecDirectory: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    while parts.count > 1 {
        parts.removeLast()
        let candidate = parts.joined(separator: "/") + "/shared/runtime-spec"
        if FileManager.default.fileExists(atPath: candidate + "/schema") { return candidate }
    }
    return "shared/runtime-spec"
}()

let fixturesDirectory: String = {
    let file = #filePath
    var parts = file.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    parts.removeLast()
    return parts.joined(separator: "/") + "/Fixtures"
}()

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Problems of a config given as JSON text.
func diagnose(_ json: String) -> (spec: Spec?, problems: [ConfigProblem]) {
    SpecLoader.diagnose(bytes: bytes(json))
}

/// A valid minimal config with the given extra top-level members spliced in.
func config(_ members: String = "", process: String? = nil, linux: String? = nil) -> String {
    var parts = [#""ociVersion": "1.0.2""#, #""root": {"path": "rootfs"}"#]
    if let process { parts.append(#""process": "# + process) }
    if let linux { parts.append(#""linux": "# + linux) }
    if !members.isEmpty { parts.append(members) }
    return "{" + parts.joined(separator: ", ") + "}"
}

/// A decoded spec from JSON text (test helper; fails the test on problems).
func spec(_ json: String) -> Spec? {
    let outcome = JSONValueDecoder.decodeCollecting(Spec.self, from: bytes(json))
    #expect(outcome.problems.isEmpty, "\(outcome.problems)")
    return outcome.value
}

func paths(_ problems: [ConfigProblem]) -> [String] { problems.map(\.path) }
