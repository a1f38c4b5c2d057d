import Glibc
import LinuxSys
import OCISpec
import Testing
@testable import Seccomp

/// A loaded filter, observed from busybox programs run in a forked child (the filter must be loaded by our code).
/// Serialized: each test forks, and one child at a time keeps the output easy to read when something fails.
@Suite(.serialized) struct LoadedFilterTests {
    private static let SIGSYS: Int32 = 31

    private func denyingMkdir(_ action: LinuxSeccompAction, errnoRet: UInt32? = nil) throws -> SeccompProgram {
        try SeccompProgram.compile(LinuxSeccomp(
            defaultAction: .allow, syscalls: [LinuxSyscall(names: ["mkdir", "mkdirat"], action: action, errnoRet: errnoRet)]))
    }

    @Test func mkdirDeniedWithErrnoRetOnePrintsOperationNotPermitted() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeTree(directory) }
        let outcome = try runFiltered(["mkdir", "\(directory)/denied"], setup: ChildSetup(program: denyingMkdir(.errno, errnoRet: 1)))
        #expect(outcome.exitCode == 1, "\(outcome)")
        #expect(outcome.output.contains("Operation not permitted"), "\(outcome)")
        #expect(!directoryExists("\(directory)/denied"))
    }

    @Test func statusShowsFilterModeTwo() throws {
        let outcome = try runFiltered(["grep", "^Seccomp:", "/proc/self/status"], setup: ChildSetup(program: denyingMkdir(.errno)))
        #expect(outcome.output.contains("Seccomp:\t2"), "\(outcome)")
        let unfiltered = try runFiltered(["grep", "^Seccomp:", "/proc/self/status"], setup: ChildSetup(program: nil))
        #expect(unfiltered.output.contains("Seccomp:\t0"), "\(unfiltered)")
    }

    /// How `mkdir` ends under each action when no tracer or agent is attached.
    @Test(arguments: [
        (LinuxSeccompAction.killProcess, "signal"), (.kill, "signal"), (.killThread, "signal"), (.trap, "signal"),
        (.errno, "Operation not permitted"), (.trace, "Function not implemented"), (.log, "created"), (.allow, "created"),
    ])
    func actionDecidesHowMkdirEnds(action: LinuxSeccompAction, expected: String) throws {
        let directory = try makeTemporaryDirectory()
        defer { removeTree(directory) }
        let outcome = try runFiltered(["mkdir", "\(directory)/made"], setup: ChildSetup(program: denyingMkdir(action)))
        switch expected {
        case "signal":
            #expect(outcome.signal == Self.SIGSYS, "\(outcome)")
        case "created":
            #expect(outcome.exitCode == 0, "\(outcome)")
            #expect(directoryExists("\(directory)/made"))
        default:
            #expect(outcome.exitCode == 1, "\(outcome)")
            #expect(outcome.output.contains(expected), "\(outcome)")
        }
    }

    /// The container's own program making the call dies by SIGSYS: `run` reports 128 + 31 = 159.
    @Test func killProcessEndsTheProgramBySIGSYS() throws {
        let outcome = try runFiltered(["mkdir", "/tmp/swiftlet-never-made"], setup: ChildSetup(program: denyingMkdir(.killProcess)))
        #expect(outcome.signal.map { 128 + $0 } == 159, "\(outcome)")
        // A shell survives its child's death and reports it.
        let shell = try runFiltered(
            ["sh", "-c", "mkdir /tmp/swiftlet-never-made; echo \"child status $?\""], setup: ChildSetup(program: denyingMkdir(.killProcess)))
        #expect(shell.output.contains("child status 159"), "\(shell)")
        #expect(!directoryExists("/tmp/swiftlet-never-made"))
    }

    @Test func argumentFilterDeniesOnlyKillWithSignalNine() throws {
        let program = try SeccompProgram.compile(LinuxSeccomp(
            defaultAction: .allow,
            syscalls: [LinuxSyscall(
                names: ["kill"], action: .errno, errnoRet: 1, args: [LinuxSeccompArg(index: 1, value: 9, op: .equalTo)])]))
        let script = """
            sleep 30 & victim=$!
            kill -9 $victim && echo "sigkill delivered"
            kill -TERM $victim && echo "sigterm delivered"
            wait $victim; echo "victim status $?"
            """
        let outcome = try runFiltered(["sh", "-c", script], setup: ChildSetup(program: program))
        #expect(outcome.output.contains("Operation not permitted"), "\(outcome)")
        #expect(!outcome.output.contains("sigkill delivered"), "\(outcome)")
        #expect(outcome.output.contains("sigterm delivered"), "\(outcome)")
        #expect(outcome.output.contains("victim status 143"), "\(outcome)")
    }

    @Test func maskedEqualMatchesOnTheMaskedBits() throws {
        // Deny kill when the signal's low bit is set (odd signals): SIGTERM (15) denied, SIGUSR2 (12) allowed.
        let program = try SeccompProgram.compile(LinuxSeccomp(
            defaultAction: .allow,
            syscalls: [LinuxSyscall(
                names: ["kill"], action: .errno, errnoRet: 1,
                args: [LinuxSeccompArg(index: 1, value: 1, valueTwo: 1, op: .maskedEqual)])]))
        let script = """
            sleep 30 & victim=$!
            kill -TERM $victim || echo "sigterm refused"
            kill -USR2 $victim && echo "sigusr2 delivered"
            wait $victim; echo "victim status $?"
            """
        let outcome = try runFiltered(["sh", "-c", script], setup: ChildSetup(program: program))
        #expect(outcome.output.contains("sigterm refused"), "\(outcome)")
        #expect(outcome.output.contains("sigusr2 delivered"), "\(outcome)")
        #expect(outcome.output.contains("victim status 140"), "\(outcome)")
    }

    @Test func withoutNoNewPrivilegesRootLoadsThroughCapSysAdmin() throws {
        let outcome = try runFiltered(
            ["grep", "^Seccomp:", "/proc/self/status"], setup: ChildSetup(program: denyingMkdir(.errno), noNewPrivileges: false))
        #expect(outcome.output.contains("Seccomp:\t2"), "\(outcome)")
    }

    /// Docker's case: no noNewPrivileges, a non-root user. Loading before the switch to uid 1000 (which drops every
    /// capability) works and keeps working after it; loading after the switch is refused, which is why the order matters.
    @Test func withoutNoNewPrivilegesANonRootUserNeedsTheFilterLoadedFirst() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeTree(directory) }
        _ = chmod(directory, 0o777)
        let program = try denyingMkdir(.errno, errnoRet: 1)
        let script = "id -u; grep -E '^(Seccomp|CapEff):' /proc/self/status; mkdir \(directory)/denied"
        let loadedFirst = try runFiltered(
            ["sh", "-c", script], setup: ChildSetup(program: program, noNewPrivileges: false, uidAfterLoad: 1000))
        #expect(loadedFirst.output.contains("1000"), "\(loadedFirst)")
        #expect(loadedFirst.output.contains("Seccomp:\t2"), "\(loadedFirst)")
        #expect(loadedFirst.output.contains("CapEff:\t0000000000000000"), "\(loadedFirst)")
        #expect(loadedFirst.output.contains("Operation not permitted"), "\(loadedFirst)")
        #expect(!directoryExists("\(directory)/denied"))

        let loadedAfter = try runFiltered(
            ["true"], setup: ChildSetup(program: program, noNewPrivileges: false, uidBeforeLoad: 1000))
        #expect(loadedAfter.exitCode == ChildFailure.loadBase + Errno.EACCES.rawValue, "\(loadedAfter)")

        let withNoNewPrivileges = try runFiltered(
            ["grep", "^Seccomp:", "/proc/self/status"], setup: ChildSetup(program: program, noNewPrivileges: true, uidBeforeLoad: 1000))
        #expect(withNoNewPrivileges.output.contains("Seccomp:\t2"), "\(withNoNewPrivileges)")
    }

    @Test func defaultErrnoRetIsWhatDeniedCallsReturn() throws {
        // Allow only what busybox needs to start and write; everything else fails with ENOSYS (38).
        let program = try SeccompProgram.compile(LinuxSeccomp(
            defaultAction: .errno, defaultErrnoRet: 38,
            syscalls: [LinuxSyscall(
                names: ["execve", "brk", "arch_prctl", "set_tid_address", "set_robust_list", "rseq", "prlimit64",
                        "readlink", "getuid", "geteuid", "getpid", "write", "writev", "exit", "exit_group", "uname",
                        "mprotect", "getrandom", "newfstatat", "fstat"],
                action: .allow)]))
        let outcome = try runFiltered(["mkdir", "/tmp/swiftlet-never-made"], setup: ChildSetup(program: program))
        #expect(outcome.output.contains("Function not implemented"), "\(outcome)")
        #expect(!directoryExists("/tmp/swiftlet-never-made"))
    }

    /// Every spec flag at once with a listener: TSYNC needs TSYNC_ESRCH beside NEW_LISTENER, WAIT_KILLABLE_RECV needs the
    /// listener. The listener is close-on-exec and nobody else holds it, so the notified mkdir fails with ENOSYS.
    @Test func allFlagsWithAListenerLoad() throws {
        let program = try SeccompProgram.compile(LinuxSeccomp(
            defaultAction: .allow, flags: LinuxSeccompFlag.allCases, listenerPath: "/run/unused.sock",
            syscalls: [LinuxSyscall(names: ["mkdir", "mkdirat"], action: .notify)]))
        #expect(program.filterFlags.isSuperset(of: [.tsync, .tsyncESRCH, .newListener, .waitKillableRecv, .log, .specAllow]))
        let outcome = try runFiltered(["mkdir", "/tmp/swiftlet-never-made"], setup: ChildSetup(program: program))
        #expect(outcome.exitCode == 1, "\(outcome)")
        #expect(outcome.output.contains("Function not implemented"), "\(outcome)")
    }
}
