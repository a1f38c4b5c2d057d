import Glibc
import Testing
@testable import LinuxSys

@Test func decodesWaitStatuses() {
    #expect(WaitStatus(raw: 7 << 8) == .exited(code: 7))
    #expect(WaitStatus(raw: 9) == .signaled(signal: 9, coreDumped: false))
    #expect(WaitStatus(raw: 0x80 | 11) == .signaled(signal: 11, coreDumped: true))
    #expect(WaitStatus(raw: (19 << 8) | 0x7f) == .stopped(signal: 19))
    #expect(WaitStatus(raw: 0xffff) == .continued)
    #expect(WaitStatus.signaled(signal: 15, coreDumped: false).shellExitCode == 143)
}

/// fork + _exit only: safe even in the multithreaded test process (the child calls nothing else).
@Test func forkedChildExitCodeIsReaped() throws {
    switch try Processes.fork() {
    case .child:
        Processes.exitImmediately(7)
    case .parent(let pid):
        let result = try #require(try Processes.wait(pid: pid))
        #expect(result.pid == pid)
        #expect(result.status == .exited(code: 7))
    }
}

@Test func pidfdSignalsTheRightProcess() throws {
    switch try Processes.fork() {
    case .child:
        // Test-runner threads block most signals, and the mask survives fork.
        _ = try? SignalSet().setMask()
        while true { pause() }
    case .parent(let pid):
        let pidfd = try Processes.pidfdOpen(pid: pid)
        try Processes.pidfdSendSignal(pidfd.rawValue, signal: Signal.SIGKILL.rawValue)
        let result = try #require(try Processes.wait(pid: pid))
        #expect(result.status == .signaled(signal: 9, coreDumped: false))
        do {
            try Processes.pidfdSendSignal(pidfd.rawValue, signal: 0)
            Issue.record("signal to a reaped process should fail")
        } catch {
            #expect(error.errno == .ESRCH)
        }
    }
}

@Test func waitWithNoHangReturnsNilWhileRunning() throws {
    switch try Processes.fork() {
    case .child:
        // Test-runner threads block most signals, and the mask survives fork.
        _ = try? SignalSet().setMask()
        while true { pause() }
    case .parent(let pid):
        #expect(try Processes.wait(pid: pid, options: .noHang) == nil)
        try Processes.kill(pid: pid, signal: Signal.SIGTERM.rawValue)
        let result = try #require(try Processes.wait(pid: pid))
        #expect(result.status == .signaled(signal: 15, coreDumped: false))
    }
}

@Test func prctlReadsWork() throws {
    #expect(try ProcessControl.isDumpable())
    #expect(try ProcessControl.parentDeathSignal() == 0)
    #expect(try ProcessControl.hasNoNewPrivileges() == false)
    // Capability numbers past cap_last_cap are unknown to the kernel.
    #expect(throws: SystemError.self) { try ProcessControl.boundingCapabilityIsSet(Capabilities.lastCapability() + 1) }
}

@Test func signalDescriptorReceivesBlockedSignal() throws {
    // Block SIGUSR2 on this thread only, raise it at this thread, read it from a signalfd.
    let set = SignalSet([.SIGUSR2])
    let previous = try set.block()
    defer { _ = try? previous.setMask() }
    let fd = try FileDescriptor.signalDescriptor(for: set, nonBlocking: true)
    #expect(try fd.readSignal() == nil)
    _ = syscall_tgkill(getpid(), Processes.threadID, Signal.SIGUSR2.rawValue)
    let received = try #require(try fd.readSignal())
    #expect(received.signal == .SIGUSR2)
    #expect(received.pid == getpid())
}

private func syscall_tgkill(_ pid: Int32, _ tid: Int32, _ signal: Int32) -> Int32 {
    // pthread_kill(pthread_self()) targets exactly this thread, which has the signal blocked.
    pthread_kill(pthread_self(), signal)
}

/// Raw clone without namespaces is fork-like; the child only calls _exit.
@Test func rawCloneBehavesLikeFork() throws {
    switch try Processes.clone(namespaces: []) {
    case .child:
        Processes.exitImmediately(3)
    case .parent(let pid):
        let result = try #require(try Processes.wait(pid: pid))
        #expect(result.status == .exited(code: 3))
    }
}

@Test func clone3ReturnsPidAndPidfd() throws {
    guard let child = try Processes.clone3() else { Processes.exitImmediately(4) }
    let pid = child.pid
    let pidfdStatus = try child.pidfd?.status()
    #expect(pidfdStatus != nil)
    let result = try #require(try Processes.wait(pid: pid))
    #expect(result.status == .exited(code: 4))
}
