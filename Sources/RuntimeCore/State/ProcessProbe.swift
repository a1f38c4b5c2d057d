import LinuxSys

/// Asks whether a process is alive; a seam so status derivation can be tested without real processes.
public protocol ProcessProbe {
    /// The start time (field 22 of /proc/<pid>/stat) of a live process, nil when it does not exist
    /// or is a zombie.
    func startTime(of pid: Int32) -> UInt64?
}

/// The real probe: /proc/<pid>/stat.
public struct ProcFSProbe: ProcessProbe {
    public init() {}

    public func startTime(of pid: Int32) -> UInt64? {
        guard pid > 0, let stat = try? ProcStat.read(pid: pid), !stat.isZombieOrDead else { return nil }
        return stat.startTime
    }
}
