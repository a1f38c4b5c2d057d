import Glibc
import OCISpec
import Testing

/// One test's private swiftlet world: a temp directory holding the state root (`--root`) and a bundle whose
/// rootfs links to the busybox example's, the container ids it handed out, and the cleanup of all of it.
/// Tests run in parallel, so every id and path is unique to its fixture. The linked busybox rootfs is shared by
/// every test: make no mount points or files in it (use /mnt, /home, /tmp, a tmpfs, or `useRootfsCopy()`).
final class ContainerFixture {
    /// The busybox rootfs every bundle links to (made by scripts/make-busybox-rootfs.sh).
    static let busyboxRootfs = CLIHarness.busyboxBundle + "/rootfs"

    static var isAvailable: Bool { CLIHarness.canRun && access(busyboxRootfs + "/bin/busybox", X_OK) == 0 }

    /// The reason given when a suite is skipped.
    static let requirement: Comment =
        "needs root, the built swiftlet (SWIFTLET_BIN) and spec-examples/busybox/rootfs (scripts/make-busybox-rootfs.sh)"

    let directory: String
    let root: String
    let bundle: String
    /// The bundle's config.json as it will be written by `writeConfig()`.
    var config: JSONValue
    private let suffix: String
    private var ids: [String] = []
    private var commandCount = 0

    /// Makes the directory and a bundle whose config.json is `swiftlet spec`'s with `process.terminal` false.
    init(_ label: String) throws {
        var template = Array("/tmp/swiftlet-it-\(label)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
        try #require(made != nil, "mkdtemp: \(String(cString: strerror(errno)))")
        directory = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        suffix = String(directory.suffix(6)).lowercased()
        root = directory + "/root"
        bundle = directory + "/bundle"
        config = .null
        mkdir(bundle, 0o755)
        symlink(Self.busyboxRootfs, bundle + "/rootfs")
        let spec = SpawnedCommand.run([CLIHarness.binary, "spec", "--bundle", bundle], outputPrefix: directory + "/spec")
        try #require(spec.status == 0, "swiftlet spec: \(spec)")
        config = try #require(CLIHarness.parseJSON(CLIHarness.readFile(bundle + "/config.json")), "config.json from swiftlet spec")
        config.set("process", "terminal", to: .bool(false))
    }

    /// A container id unique to this fixture, remembered so `cleanUp()` deletes it.
    func makeID(_ name: String = "c") -> String {
        let id = "\(name)-\(suffix)-\(ids.count)"
        ids.append(id)
        return id
    }

    /// Replaces the rootfs link with a private copy, for tests that may write into the rootfs (should a
    /// read-only check fail, the shared busybox rootfs stays clean) or need a rootfs runc accepts (no symlink).
    func useRootfsCopy() throws {
        let rootfs = bundle + "/rootfs"
        unlink(rootfs)
        let copy = SpawnedCommand.run(["/bin/cp", "-a", Self.busyboxRootfs, rootfs], outputPrefix: directory + "/cp")
        try #require(copy.status == 0, "cp -a \(Self.busyboxRootfs): \(copy)")
    }

    /// Writes `config` as the bundle's config.json.
    func writeConfig() {
        CLIHarness.writeFile(bundle + "/config.json", config.serialized)
    }

    /// Sets `process.args` to `sh -c script` and writes the config.
    func setShell(_ script: String) {
        config.set("process", "args", to: .strings(["sh", "-c", script]))
        writeConfig()
    }

    /// Runs `swiftlet --root <root> arguments…` to completion (`extraFiles` open as fds 3, 4, …).
    func swiftlet(_ arguments: [String], extraFiles: [String] = [], timeoutSeconds: Double = 30) -> CommandResult {
        SpawnedCommand.run(
            commandLine(arguments), outputPrefix: nextOutputPrefix(), extraFiles: extraFiles, timeoutSeconds: timeoutSeconds)
    }

    /// Starts `swiftlet --root <root> arguments…` without waiting.
    func startSwiftlet(_ arguments: [String]) throws -> SpawnedCommand {
        try #require(SpawnedCommand.start(commandLine(arguments), outputPrefix: nextOutputPrefix()), "posix_spawn \(CLIHarness.binary)")
    }

    /// `swiftlet run` of `sh -c script` in the foreground: the container's output and exit status.
    func runShell(_ script: String, id: String? = nil) -> CommandResult {
        setShell(script)
        return swiftlet(["run", "--bundle", bundle, id ?? makeID()])
    }

    /// `swiftlet state id`, parsed; nil when it fails or prints something else than JSON.
    func state(_ id: String) -> JSONValue? {
        let result = swiftlet(["state", id])
        guard result.status == 0 else { return nil }
        return CLIHarness.parseJSON(result.stdout)
    }

    /// Polls `state` until it reports `status` (false after `timeoutSeconds`).
    func waitForStatus(_ id: String, _ status: String, timeoutSeconds: Double = 10) -> Bool {
        Monotonic.poll(timeoutSeconds: timeoutSeconds) { state(id)?["status"]?.stringValue == status }
    }

    /// What container `id` left on the host (empty when nothing).
    func leftovers(of id: String) -> [String] {
        HostLeftovers.of(id: id, root: root, paths: [directory, Self.busyboxRootfs])
    }

    /// Deletes every container handed out (with --force) and removes the directory.
    func cleanUp() {
        for id in ids { _ = swiftlet(["delete", "--force", id]) }
        _ = SpawnedCommand.run(["/bin/rm", "-rf", directory], outputPrefix: directory + "/rm")
    }

    private func commandLine(_ arguments: [String]) -> [String] {
        [CLIHarness.binary, "--root", root] + arguments
    }

    private func nextOutputPrefix() -> String {
        commandCount += 1
        return "\(directory)/command-\(commandCount)"
    }
}
