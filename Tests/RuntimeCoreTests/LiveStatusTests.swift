import Glibc
import LinuxSys
import OCISpec
import Testing

@testable import RuntimeCore

/// A host where only the listed pids live, with the given start times.
private struct FakeProbe: ProcessProbe {
    var alive: [Int32: UInt64]
    func startTime(of pid: Int32) -> UInt64? { alive[pid] }
}

private func derive(_ status: ContainerStatus, pid: Int32 = 100, start: UInt64 = 7, probe: FakeProbe) -> LiveStatus {
    LiveStatus.derive(
        persisted: status, pid: pid, pidStartTime: start, creatorPid: 50, creatorStartTime: 3, probe: probe)
}

@Test func runningWithLiveInitStaysRunning() {
    #expect(derive(.running, probe: FakeProbe(alive: [100: 7])) == LiveStatus(status: .running, pid: 100))
    #expect(derive(.paused, probe: FakeProbe(alive: [100: 7])) == LiveStatus(status: .paused, pid: 100))
}

@Test func deadInitMeansStoppedWithPidZero() {
    #expect(derive(.running, probe: FakeProbe(alive: [:])) == LiveStatus(status: .stopped, pid: 0))
    #expect(derive(.created, probe: FakeProbe(alive: [:])) == LiveStatus(status: .stopped, pid: 0))
}

@Test func reusedPidWithOtherStartTimeMeansStopped() {
    #expect(derive(.running, probe: FakeProbe(alive: [100: 8])) == LiveStatus(status: .stopped, pid: 0))
}

@Test func creatingDependsOnTheCreator() {
    #expect(derive(.creating, pid: 0, probe: FakeProbe(alive: [50: 3])).status == .creating)
    #expect(derive(.creating, pid: 0, probe: FakeProbe(alive: [:])) == LiveStatus(status: .stopped, pid: 0))
    #expect(derive(.creating, pid: 0, probe: FakeProbe(alive: [50: 4])).status == .stopped)
}

@Test func stoppedStaysStopped() {
    #expect(derive(.stopped, probe: FakeProbe(alive: [100: 7])) == LiveStatus(status: .stopped, pid: 0))
}

@Test func realProbeSeesThisProcessAndNotAReapedChild() throws {
    let me = getpid()
    let start = try ProcStat.read(pid: me).startTime
    let probe = ProcFSProbe()
    #expect(probe.startTime(of: me) == start)
    let alive = LiveStatus.derive(
        persisted: .running, pid: me, pidStartTime: start, creatorPid: 0, creatorStartTime: 0, probe: probe)
    #expect(alive.status == .running)
    let reused = LiveStatus.derive(
        persisted: .running, pid: me, pidStartTime: start + 1, creatorPid: 0, creatorStartTime: 0, probe: probe)
    #expect(reused.status == .stopped)

    var child = pid_t()
    var argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
    defer { free(argv[0]) }
    #expect(posix_spawn(&child, "/bin/true", nil, nil, &argv, environ) == 0)
    var status: Int32 = 0
    _ = waitpid(child, &status, 0)
    #expect(probe.startTime(of: child) == nil)
}
