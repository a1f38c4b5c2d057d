import Glibc
import OCISpec
import Testing

/// The namespace child reports the init's pid (`initForked`) and the init reports `ready` on the same socket, from
/// two processes: nothing orders the two packets. Under load the init can be ready first (seen in this suite as
/// "unexpected sync message initForked(pid: N) (wanted detached)"). strace makes it certain: every clone returns
/// 300 ms late in the process that called it, so the namespace child reports the pid after the init is ready.
private let straceBinary = "/usr/bin/strace"

@Suite(.enabled(if: ContainerFixture.isAvailable && access(straceBinary, X_OK) == 0,
                "needs root, the built swiftlet, the busybox rootfs and /usr/bin/strace"))
struct LifecycleSyncOrderTests {
    @Test func initReadyBeforeItsPidIsReported() throws {
        let fixture = try ContainerFixture("syncorder")
        defer { fixture.cleanUp() }
        fixture.setShell("echo ran")
        let id = fixture.makeID()
        let pidFile = fixture.directory + "/init.pid"
        let delayedClones = [
            straceBinary, "-f", "-qq", "-o", "/dev/null", "-e", "trace=clone,clone3", "-e", "inject=clone,clone3:delay_exit=300000",
            CLIHarness.binary, "--root", fixture.root, "run", "--pid-file", pidFile, "--bundle", fixture.bundle, id,
        ]
        let result = SpawnedCommand.run(delayedClones, outputPrefix: fixture.directory + "/strace-run", timeoutSeconds: 30)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "ran\n", "\(result)")
        let written = Int(CLIHarness.readFile(pidFile).trimmingWhitespace) ?? 0
        #expect(written > 0, "pid file: \(CLIHarness.readFile(pidFile))")
        #expect(fixture.leftovers(of: id) == [])
    }
}
