import CLinuxShim
import CSeccomp
import FoundationEssentials
import Glibc
import LinuxSys
import OCISpec
import Testing
@testable import Seccomp

/// SCMP_ACT_NOTIFY end to end: the child loads the filter, the parent takes the listener with pidfd_getfd and sends
/// it to an agent (this test) over a unix socket; the agent lets one mkdir through, closes the fd, and the child goes on.
@Suite(.serialized) struct NotifyTests {
    @Test func agentReceivesTheFdAndMetadataAndTheChildGoesOnAfterItCloses() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeTree(directory) }
        let socketPath = "\(directory)/agent.sock"
        let agent = try ListeningSocket(path: socketPath)
        let program = try SeccompProgram.compile(LinuxSeccomp(
            defaultAction: .allow, listenerPath: socketPath, listenerMetadata: "MKNOD=/dev/null;test",
            syscalls: [LinuxSyscall(names: ["mkdir", "mkdirat"], action: .notify)]))
        #expect(program.usesNotify)

        var numberPipe: [Int32] = [-1, -1]
        var startPipe: [Int32] = [-1, -1]
        #expect(cls_pipe2(&numberPipe, O_CLOEXEC) == 0 && cls_pipe2(&startPipe, O_CLOEXEC) == 0)
        defer { Glibc.close(numberPipe[0]); Glibc.close(startPipe[0]); Glibc.close(startPipe[1]) }
        let script = "mkdir \(directory)/first; mkdir \(directory)/second; echo after-close"
        var received: ContainerProcessState?
        var notifiedSyscall: Int32 = -1
        let outcome = try runFiltered(["sh", "-c", script], setup: ChildSetup(program: program, waitBeforeExec: startPipe[0]), listenerPipe: numberPipe[1]) { pid in
            Glibc.close(numberPipe[1])
            let childFD = try readInt32(numberPipe[0])
            let pidfd = try Processes.pidfdOpen(pid: pid)
            let listener = try SeccompListener.takeListener(fromProcess: pidfd.rawValue, fd: childFD)
            let state = State(ociVersion: "1.3.0", id: "notify-test", status: .creating, pid: pid, bundle: directory)
            try SeccompListener.send(
                fd: listener.rawValue, listenerPath: socketPath, metadata: "MKNOD=/dev/null;test", state: state, pid: pid)
            _ = consume listener  // the runtime's copy is closed once the agent has its own
            // Only now may the child exec: the listener is close-on-exec, so pidfd_getfd must come first.
            _ = Glibc.write(startPipe[1], "s", 1)

            let (payload, agentFD) = try agent.acceptOneMessage()
            received = try JSONDecoder().decode(ContainerProcessState.self, from: Data(payload))
            notifiedSyscall = try answerOneNotification(agentFD, continuing: true)
            Glibc.close(agentFD)  // no listener left: further notified calls fail with ENOSYS
        }
        #expect(received?.fds == ["seccompFd"])
        #expect(received?.metadata == "MKNOD=/dev/null;test")
        #expect(received?.pid == received?.state.pid)
        #expect(received?.state.id == "notify-test")
        #expect(notifiedSyscall == 83 || notifiedSyscall == 258)  // mkdir or mkdirat on x86_64
        #expect(directoryExists("\(directory)/first"), "\(outcome)")
        #expect(!directoryExists("\(directory)/second"), "\(outcome)")
        #expect(outcome.output.contains("Function not implemented"), "\(outcome)")
        #expect(outcome.output.contains("after-close"), "\(outcome)")
        #expect(outcome.exitCode == 0, "\(outcome)")
    }

    @Test func stateJSONHasTheSpecShape() throws {
        let state = State(ociVersion: "1.3.0", id: "c1", status: .creating, pid: 42, bundle: "/b")
        let message = ContainerProcessState(ociVersion: "1.3.0", fds: ["seccompFd"], pid: 42, metadata: "m", state: state)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(message), as: UTF8.self)
        #expect(text.hasPrefix(#"{"fds":["seccompFd"],"metadata":"m","ociVersion":"1.3.0","pid":42,"state":{"#))
        #expect(text.contains(#""status":"creating""#))
    }

    @Test func sendingToAMissingSocketNamesThePath() throws {
        let error = #expect(throws: SystemError.self) {
            try SeccompListener.send(
                fd: 0, listenerPath: "/nonexistent/swiftlet-agent.sock", metadata: nil,
                state: State(ociVersion: "1.3.0", id: "c", status: .creating, pid: 1, bundle: "/b"), pid: 1)
        }
        #expect(error?.description == "connect /nonexistent/swiftlet-agent.sock: no such file or directory")
    }
}

/// Answers the next notification: CONTINUE runs the call as if unfiltered. Returns the syscall number seen.
private func answerOneNotification(_ listener: Int32, continuing: Bool) throws -> Int32 {
    var request = seccomp_notif()
    while csc_notif_recv(listener, &request) != 0 {
        if errno != EINTR { throw HarnessError("SECCOMP_IOCTL_NOTIF_RECV: errno \(errno)") }
    }
    var response = seccomp_notif_resp()
    response.id = request.id
    response.flags = continuing ? UInt32(SECCOMP_USER_NOTIF_FLAG_CONTINUE) : 0
    response.error = continuing ? 0 : -EPERM
    guard csc_notif_send(listener, &response) == 0 else { throw HarnessError("SECCOMP_IOCTL_NOTIF_SEND: errno \(errno)") }
    return request.data.nr
}

private func readInt32(_ fd: Int32) throws -> Int32 {
    var value: Int32 = -1
    let count = withUnsafeMutableBytes(of: &value) { Glibc.read(fd, $0.baseAddress, 4) }
    guard count == 4 else { throw HarnessError("no listener fd number from the child (read \(count))") }
    return value
}

/// The agent's end: a bound, listening AF_UNIX stream socket.
private final class ListeningSocket {
    let fd: Int32

    init(path: String) throws {
        fd = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard fd >= 0, bound == 0, listen(fd, 1) == 0 else { throw HarnessError("agent socket: errno \(errno)") }
    }

    deinit { Glibc.close(fd) }

    /// Accepts one connection and reads everything sent on it; returns the bytes and the one fd passed.
    func acceptOneMessage() throws -> ([UInt8], Int32) {
        let connection = accept(fd, nil, nil)
        guard connection >= 0 else { throw HarnessError("accept: errno \(errno)") }
        defer { Glibc.close(connection) }
        var payload = [UInt8](repeating: 0, count: 65536)
        var control = [UInt8](repeating: 0, count: cls_cmsg_space(MemoryLayout<Int32>.size))
        var passed: Int32 = -1
        let count = payload.withUnsafeMutableBytes { data in
            control.withUnsafeMutableBytes { controlBytes in
                var vector = iovec(iov_base: data.baseAddress, iov_len: data.count)
                return withUnsafeMutablePointer(to: &vector) { vectorPointer in
                    var message = msghdr()
                    message.msg_iov = vectorPointer
                    message.msg_iovlen = 1
                    message.msg_control = controlBytes.baseAddress
                    message.msg_controllen = controlBytes.count
                    let got = recvmsg(connection, &message, Int32(MSG_CMSG_CLOEXEC))
                    if got > 0, let header = cls_cmsg_firsthdr(&message), let data = cls_cmsg_data(header) {
                        passed = data.load(as: Int32.self)
                    }
                    return got
                }
            }
        }
        guard count > 0, passed >= 0 else { throw HarnessError("recvmsg: \(count) bytes, fd \(passed)") }
        var bytes = Array(payload[0..<count])
        bytes += Array(readToEnd(connection).utf8)
        return (bytes, passed)
    }
}
