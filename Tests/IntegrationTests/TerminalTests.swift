import Glibc
import OCISpec
import Testing

/// process.terminal: the console socket (runc's protocol), the foreground relay of `run` and `exec -t` (run
/// under `script`, which gives swiftlet a terminal of its own), consoleSize, and runc's refusals.
@Suite(.enabled(if: ContainerFixture.isAvailable, ContainerFixture.requirement))
struct TerminalTests {
    static let script = "/usr/bin/script"

    @Test func consoleSocketReceivesTheMaster() throws {
        let fixture = try ContainerFixture("tty-socket")
        defer { fixture.cleanUp() }
        fixture.config.set("process", "terminal", to: .bool(true))
        fixture.config.set("process", "consoleSize", to: .members(["height": .integer(33), "width": .integer(101)]))
        fixture.setShell("tty; stty size; ls -l /dev/console; echo done-marker; sleep 2")
        let receiver = try TerminalConsoleReceiver(path: fixture.directory + "/console.sock")
        let id = fixture.makeID()
        let create = try fixture.startSwiftlet(["create", "--bundle", fixture.bundle, "--console-socket", receiver.path, id])
        let master = receiver.receiveMaster()
        let created = create.wait(timeoutSeconds: 20)
        try #require(created.status == 0, "\(created)")
        let (fd, name) = try #require(master, "no pty master arrived on the console socket")
        defer { close(fd) }
        #expect(name == "/dev/ptmx")
        try #require(fixture.swiftlet(["start", id]).status == 0)
        let output = TerminalConsoleReceiver.read(fd, until: "done-marker")
        let lines = output.split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.first?.hasPrefix("/dev/pts/") == true, "\(output)")
        #expect(lines.contains("33 101"), "consoleSize: \(output)")
        #expect(lines.contains { $0.hasPrefix("c") && $0.hasSuffix("/dev/console") }, "/dev/console: \(output)")
    }

    @Test func foregroundRunRelaysThePty() throws {
        let fixture = try ContainerFixture("tty-run")
        defer { fixture.cleanUp() }
        fixture.config.set("process", "terminal", to: .bool(true))
        fixture.setShell("tty; exit 3")
        let id = fixture.makeID()
        let command = "\(CLIHarness.binary) --root \(fixture.root) run --bundle \(fixture.bundle) \(id)"
        let result = SpawnedCommand.run([Self.script, "-qec", command, "/dev/null"], outputPrefix: fixture.directory + "/script-run")
        #expect(result.stdout.contains("/dev/pts/"), "\(result)")
        #expect(result.status == 3, "\(result)")
        #expect(fixture.leftovers(of: id).isEmpty, "\(fixture.leftovers(of: id))")
    }

    @Test func execWithTtyRelaysThePty() throws {
        let fixture = try ContainerFixture("tty-exec")
        defer { fixture.cleanUp() }
        fixture.setShell("sleep 300")
        let id = fixture.makeID()
        try #require(fixture.swiftlet(["run", "-d", "--bundle", fixture.bundle, id]).status == 0)
        let command = "\(CLIHarness.binary) --root \(fixture.root) exec -t \(id) sh -c 'tty; exit 4'"
        let result = SpawnedCommand.run([Self.script, "-qec", command, "/dev/null"], outputPrefix: fixture.directory + "/script-exec")
        #expect(result.stdout.contains("/dev/pts/"), "\(result)")
        #expect(result.status == 4, "\(result)")
        // Without -t the same exec has no terminal: stdio is inherited untouched.
        let plain = fixture.swiftlet(["exec", id, "sh", "-c", "tty || true"])
        #expect(plain.stdout.contains("not a tty"), "\(plain)")
    }

    @Test func runcsRefusals() throws {
        let fixture = try ContainerFixture("tty-refuse")
        defer { fixture.cleanUp() }
        fixture.config.set("process", "terminal", to: .bool(true))
        fixture.setShell("true")
        let id = fixture.makeID()
        let noSocket = fixture.swiftlet(["create", "--bundle", fixture.bundle, id])
        #expect(noSocket.status != 0)
        #expect(noSocket.stderr.contains("cannot allocate tty if runc will detach without setting console socket"), "\(noSocket)")
        #expect(fixture.leftovers(of: id).isEmpty)
        fixture.config.set("process", "terminal", to: .bool(false))
        fixture.writeConfig()
        let socketWithoutTty = fixture.swiftlet(["create", "--bundle", fixture.bundle, "--console-socket", "/tmp/x.sock", id])
        #expect(socketWithoutTty.stderr.contains("cannot use console socket if runc will not detach or allocate tty"),
                "\(socketWithoutTty)")
    }
}
