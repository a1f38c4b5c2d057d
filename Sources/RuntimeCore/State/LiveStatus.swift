import OCISpec

/// The status to report, derived from the persisted one and the processes behind it:
/// - `creating` stays `creating` while the creator (pid + start time) lives, else `stopped`: a crashed create;
/// - `created`, `running`, `paused` become `stopped` when the init process is gone, a zombie, or a different
///   process now holds its pid (start time differs: PID reuse);
/// - `stopped` stays `stopped`.
/// Once stopped the pid is reported as 0, as runc does.
public struct LiveStatus: Sendable, Equatable {
    public var status: ContainerStatus
    public var pid: Int32

    public init(status: ContainerStatus, pid: Int32) {
        self.status = status
        self.pid = pid
    }

    public static func derive(
        persisted: ContainerStatus, pid: Int32, pidStartTime: UInt64,
        creatorPid: Int32, creatorStartTime: UInt64, probe: some ProcessProbe
    ) -> LiveStatus {
        switch persisted {
        case .creating:
            let creatorAlive = isAlive(creatorPid, startedAt: creatorStartTime, probe: probe)
            return creatorAlive ? LiveStatus(status: .creating, pid: pid) : LiveStatus(status: .stopped, pid: 0)
        case .created, .running, .paused:
            let initAlive = isAlive(pid, startedAt: pidStartTime, probe: probe)
            return initAlive ? LiveStatus(status: persisted, pid: pid) : LiveStatus(status: .stopped, pid: 0)
        case .stopped:
            return LiveStatus(status: .stopped, pid: 0)
        }
    }

    public static func derive(_ record: ContainerRecord, probe: some ProcessProbe = ProcFSProbe()) -> LiveStatus {
        derive(
            persisted: record.status, pid: record.pid, pidStartTime: record.pidStartTime,
            creatorPid: record.creatorPid, creatorStartTime: record.creatorStartTime, probe: probe)
    }

    public static func derive(_ summary: ContainerSummary, probe: some ProcessProbe = ProcFSProbe()) -> LiveStatus {
        derive(
            persisted: summary.status, pid: summary.pid, pidStartTime: summary.pidStartTime,
            creatorPid: summary.creatorPid, creatorStartTime: summary.creatorStartTime, probe: probe)
    }

    private static func isAlive(_ pid: Int32, startedAt startTime: UInt64, probe: some ProcessProbe) -> Bool {
        guard pid > 0, let actual = probe.startTime(of: pid) else { return false }
        return actual == startTime
    }
}
