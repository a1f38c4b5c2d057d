import CLinuxShim
import Glibc
import Seccomp

/// How a busybox command run under a loaded filter ended, and what it printed (stdout and stderr together).
struct ChildOutcome: CustomStringConvertible {
    var output: String
    /// Raw wait status.
    var status: Int32

    var exitCode: Int32? { status & 0x7f == 0 ? (status >> 8) & 0xff : nil }
    var signal: Int32? { status & 0x7f != 0 && status & 0x7f != 0x7f ? status & 0x7f : nil }
    var description: String { "exit \(exitCode.map(String.init) ?? "-") signal \(signal.map(String.init) ?? "-"): \(output)" }
}

/// What the forked child does before exec, in order.
struct ChildSetup {
    var program: SeccompProgram?
    var noNewPrivileges = true
    /// Switched to after loading the filter (setresgid/setresuid drop every capability): the runtime's order
    /// when noNewPrivileges is false.
    var uidAfterLoad: UInt32?
    /// Switched to before loading the filter.
    var uidBeforeLoad: UInt32?
    /// Read end of a pipe the child waits on (one byte or EOF) before exec, as init waits for `start`.
    var waitBeforeExec: Int32?
}

/// PR_SET_NO_NEW_PRIVS (linux/prctl.h), not visible through Glibc.
private var prSetNoNewPrivs: Int32 { 38 }

/// Exit codes the child uses when setup fails before exec. Computed, not `static let`: the child must not run
/// lazy initialisers (swift_once may take a lock another thread held at fork).
enum ChildFailure {
    static var loadBase: Int32 { 100 }  // + errno of seccomp(2)
    static var setup: Int32 { 90 }
    static var exec: Int32 { 127 }
}

/// Forks; the child loads the filter and execs /bin/busybox. Between fork and exec the child only makes system calls
/// (the test runner has other threads: no allocation, no locks), which is also what `SeccompProgram.load()` promises.
/// `listenerPipe`, when given, receives the listener fd number (4 bytes) right after loading.
/// `whileRunning` runs in the parent before the child's output is read (e.g. to act as the seccomp agent).
func runFiltered(
    _ arguments: [String], setup: ChildSetup, listenerPipe: Int32? = nil,
    whileRunning: (_ pid: Int32) throws -> Void = { _ in }
) throws -> ChildOutcome {
    let argv = CStringArray(["/bin/busybox"] + arguments)
    let envp = CStringArray(["PATH=/bin:/usr/bin"])
    // The test runner's threads block signals (SIGCHLD among them) and exec keeps the mask: clear it in the child.
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    var pipeEnds: [Int32] = [-1, -1]
    guard cls_pipe2(&pipeEnds, O_CLOEXEC) == 0 else { throw HarnessError("pipe failed") }
    let pid = Glibc.fork()
    if pid == 0 {
        runChild(setup: setup, outputFD: pipeEnds[1], listenerPipe: listenerPipe, signalMask: &emptyMask, argv: argv, envp: envp)
    }
    Glibc.close(pipeEnds[1])
    guard pid > 0 else { Glibc.close(pipeEnds[0]); throw HarnessError("fork failed") }
    var agentError: (any Error)?
    do { try whileRunning(pid) } catch { agentError = error; kill(pid, SIGKILL) }
    let output = readToEnd(pipeEnds[0])
    Glibc.close(pipeEnds[0])
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    if let agentError { throw agentError }
    return ChildOutcome(output: output, status: status)
}

/// The child between fork and exec: system calls only.
private func runChild(
    setup: ChildSetup, outputFD: Int32, listenerPipe: Int32?, signalMask: UnsafePointer<sigset_t>,
    argv: CStringArray, envp: CStringArray
) -> Never {
    _ = cls_dup3(outputFD, 1, 0)
    _ = cls_dup3(outputFD, 2, 0)
    _ = sigprocmask(SIG_SETMASK, signalMask, nil)
    if let uid = setup.uidBeforeLoad, !switchUser(uid) { _exit(ChildFailure.setup) }
    if setup.noNewPrivileges && cls_prctl(prSetNoNewPrivs, 1, 0, 0, 0) != 0 { _exit(ChildFailure.setup) }
    if let program = setup.program {
        do {
            var listener = try program.load() ?? -1
            if let listenerPipe {
                _ = withUnsafeBytes(of: &listener) { Glibc.write(listenerPipe, $0.baseAddress, 4) }
            }
        } catch {
            _exit(ChildFailure.loadBase + error.errno.rawValue)
        }
    }
    if let uid = setup.uidAfterLoad, !switchUser(uid) { _exit(ChildFailure.setup) }
    if let gate = setup.waitBeforeExec {
        var byte: UInt8 = 0
        while Glibc.read(gate, &byte, 1) < 0 && errno == EINTR {}
    }
    execve("/bin/busybox", argv.pointers, envp.pointers)
    _exit(ChildFailure.exec)
}

private func switchUser(_ id: UInt32) -> Bool {
    cls_setgroups(0, nil) == 0 && cls_setresgid(id, id, id) == 0 && cls_setresuid(id, id, id) == 0
}

func readToEnd(_ fd: Int32) -> String {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { break }
        bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// NUL-terminated C strings allocated before the fork, so the child need not allocate for execve.
final class CStringArray {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private let count: Int

    init(_ strings: [String]) {
        count = strings.count
        pointers = .allocate(capacity: count + 1)
        for (index, string) in strings.enumerated() { pointers[index] = strdup(string) }
        pointers[count] = nil
    }

    deinit {
        for index in 0..<count { free(pointers[index]) }
        pointers.deallocate()
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A fresh directory under /tmp, removed by the caller with `removeTree`.
func makeTemporaryDirectory() throws -> String {
    var template = Array("/tmp/swiftlet-seccomp-test-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer in
        buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
    }
    guard let made else { throw HarnessError("mkdtemp failed") }
    return made
}

func removeTree(_ path: String) {
    _ = try? runFiltered(["rm", "-rf", path], setup: ChildSetup(program: nil, noNewPrivileges: false))
}

func directoryExists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
}
