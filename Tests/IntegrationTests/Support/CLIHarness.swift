import Glibc
import OCISpec
import Testing

/// Runs the built swiftlet binary for the integration tests: `SWIFTLET_BIN`, else the `swiftlet` built next to
/// this test binary (the same `--scratch-path`), else `<repo>/.build/debug/swiftlet` found from this file's path.
enum CLIHarness {
    static let repository: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)  // Tests/IntegrationTests/Support/CLIHarness.swift
        return parts.joined(separator: "/")
    }()

    static let binary: String = environment("SWIFTLET_BIN") ?? siblingOfTestBinary ?? repository + "/.build/debug/swiftlet"

    /// `<scratch>/debug/swiftlet` when the tests run from `<scratch>/debug/swiftletPackageTests.xctest`.
    private static var siblingOfTestBinary: String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        var parts = String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self).split(separator: "/")
        while let last = parts.last, !last.hasSuffix(".xctest") { parts.removeLast() }
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
        let candidate = "/" + parts.joined(separator: "/") + "/swiftlet"
        return access(candidate, X_OK) == 0 ? candidate : nil
    }

    /// The busybox bundle (`SWIFTLET_BUNDLE`, else spec-examples/busybox); its rootfs is made by
    /// scripts/make-busybox-rootfs.sh.
    static let busyboxBundle: String = environment("SWIFTLET_BUNDLE") ?? repository + "/spec-examples/busybox"

    static var isRoot: Bool { geteuid() == 0 }
    static var binaryExists: Bool { access(binary, X_OK) == 0 }
    static var canRun: Bool { isRoot && binaryExists }

    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `swiftlet arguments…` with stdout and stderr captured through temp files.
    static func run(_ arguments: [String], in directory: CLITemporaryDirectory) -> Result {
        let out = directory.path + "/.stdout", err = directory.path + "/.stderr"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = [binary] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, binary, &actions, nil, &cArgs, environ) == 0 else {
            return Result(status: -1, stdout: "", stderr: "cannot start \(binary)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: code, stdout: readFile(out), stderr: readFile(err))
    }

    static func readFile(_ path: String) -> String {
        guard let file = fopen(path, "r") else { return "" }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func writeFile(_ path: String, _ text: String) {
        guard let file = fopen(path, "w") else { return }
        defer { fclose(file) }
        _ = text.withCString { fputs($0, file) }
    }

    static func parseJSON(_ text: String) -> JSONValue? {
        try? JSONParser.parse(Array(text.utf8))
    }
}

/// A temp directory removed by `remove()`.
struct CLITemporaryDirectory {
    let path: String

    init() {
        var template = Array("/tmp/swiftlet-cli-XXXXXX".utf8CString)
        _ = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func remove() {
        var pid = pid_t()
        let argv: [String] = ["/bin/rm", "-rf", path]
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        guard posix_spawn(&pid, "/bin/rm", nil, nil, &cArgs, environ) == 0 else { return }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}
