import Glibc
import OCISpec
import Testing

/// Issue 11, fuzzing: inputs the fuzzer (scripts/fuzz.sh) cannot reach in its 64 KiB inputs, and every crash it
/// found, as fixed cases. Each must end in problems (or a spec), never a crash, a hang or a stack overflow.
/// Crashes found so far by `scripts/fuzz.sh`: none (600 s run, see the issue note); add one test per crash file here.
struct FuzzRegressionTests {
    static let minimal = config()

    /// The minimal config, with `top` members before its own and `process` members after its own.
    static func config(top: String = "", process: String = "") -> String {
        #"{\#(top)"ociVersion":"1.0.2","root":{"path":"rootfs"},"process":{"cwd":"/","args":["sh"],"user":{"uid":0,"gid":0}\#(process)}}"#
    }

    private func diagnose(_ text: String) -> (spec: Spec?, problems: [ConfigProblem]) {
        SpecLoader.diagnose(bytes: Array(text.utf8))
    }

    private func seconds(_ body: () -> Void) -> Double {
        var start = timespec(), end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        body()
        clock_gettime(CLOCK_MONOTONIC, &end)
        return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    }

    @Test func theMinimalConfigHasNoErrors() {
        let (spec, problems) = diagnose(Self.minimal)
        #expect(spec != nil)
        #expect(!problems.contains { $0.severity == .error }, "\(problems)")
    }

    /// Every prefix of a valid config is malformed JSON: a syntax problem each time, never a crash.
    @Test func everyTruncationIsAnError() {
        let bytes = Array(Self.minimal.utf8)
        for length in 0..<bytes.count {
            let problems = SpecLoader.diagnose(bytes: Array(bytes[..<length])).problems
            #expect(problems.contains { $0.severity == .error }, "prefix of \(length) bytes accepted")
        }
    }

    /// Nesting far beyond the parser's limit, in arrays, objects and inside a known field: an error, no stack overflow.
    @Test(arguments: ["[", "{\"a\":", "{\"annotations\":{\"x\":"])
    func deepNestingIsRefused(_ opener: String) {
        let text = String(repeating: opener, count: 200_000)
        let problems = diagnose(text).problems
        #expect(problems.contains { $0.severity == .error && $0.message.contains("nesting") }, "\(problems.prefix(3))")
    }

    /// 10 MB of environment: decoded (runc has no limit either) in bounded time.
    @Test func tenMegabytesOfEnvDecodeInBoundedTime() {
        let entry = "\"K=" + String(repeating: "v", count: 1000) + "\""
        let env = Array(repeating: entry, count: 10_000).joined(separator: ",")
        let text = Self.config(process: ",\"env\":[\(env)]")
        #expect(text.utf8.count > 10_000_000)
        var result: (spec: Spec?, problems: [ConfigProblem]) = (nil, [])
        let elapsed = seconds { result = diagnose(text) }
        #expect(result.spec?.process?.env?.count == 10_000)
        #expect(elapsed < 30, "took \(elapsed) s")
    }

    /// One huge string (an 8 MB hostname): a problem or a spec, not a crash.
    @Test func aHugeStringIsHandled() {
        let text = Self.config(top: "\"hostname\":\"\(String(repeating: "h", count: 8_000_000))\",")
        let (spec, problems) = diagnose(text)
        #expect(spec?.hostname?.utf8.count == 8_000_000 || !problems.isEmpty)
    }

    /// Wrong JSON types at every level get a problem naming the path, not a trap.
    @Test(arguments: [
        ("{\"ociVersion\":1}", "ociVersion"),
        ("{\"ociVersion\":\"1.0.2\",\"process\":[]}", "process"),
        ("{\"ociVersion\":\"1.0.2\",\"process\":{\"cwd\":\"/\",\"user\":{\"uid\":-1,\"gid\":0}}}", "process.user.uid"),
        ("{\"ociVersion\":\"1.0.2\",\"process\":{\"cwd\":\"/\",\"user\":{\"uid\":1e400,\"gid\":0}}}", "process.user.uid"),
        ("{\"ociVersion\":\"1.0.2\",\"linux\":{\"resources\":{\"memory\":{\"limit\":\"lots\"}}}}", "linux.resources.memory.limit"),
        ("{\"ociVersion\":\"1.0.2\",\"mounts\":{}}", "mounts"),
        ("{\"ociVersion\":\"1.0.2\",\"linux\":{\"namespaces\":[{\"type\":7}]}}", "linux.namespaces[0].type"),
        ("{\"ociVersion\":\"1.0.2\",\"process\":{\"cwd\":\"/\",\"user\":{\"uid\":0,\"gid\":0},\"rlimits\":[null]}}", "process.rlimits[0]"),
    ])
    func wrongTypesAreProblemsWithPaths(_ text: String, _ path: String) {
        let problems = diagnose(text).problems
        #expect(problems.contains { $0.severity == .error && $0.path == path }, "\(problems)")
    }

    /// Bytes that are not JSON at all: NULs, invalid UTF-8, lone surrogates, a BOM, numbers past every range.
    @Test(arguments: [
        [UInt8](), [0], [0xFF, 0xFE, 0xFD], Array("{\"ociVersion\":\"\u{FEFF}\"".utf8), [0xEF, 0xBB, 0xBF] + Array(minimal.utf8),
        Array("{\"ociVersion\":\"\\ud800\"}".utf8), Array("{\"ociVersion\":\"\\u00\"}".utf8),
        Array("{\"linux\":{\"resources\":{\"memory\":{\"limit\":99999999999999999999999999999999}}}}".utf8),
        Array("{\"ociVersion\":\"1.0.2\",\"ociVersion\":\"1.0.2\"}".utf8), Array("{\"ociVersion\":\"1\u{0}\"}".utf8),
    ])
    func garbageGetsProblems(_ bytes: [UInt8]) {
        let (spec, problems) = SpecLoader.diagnose(bytes: bytes)
        #expect(spec != nil || problems.contains { $0.severity == .error })
    }
}
