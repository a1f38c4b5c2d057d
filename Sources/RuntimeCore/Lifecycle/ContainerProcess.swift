import LinuxSys
import Glibc

/// The container's init as the host sees it: pid plus start time, so a recycled pid is never signalled.
struct ContainerProcess {
    let pid: Int32
    let startTime: UInt64

    /// Alive, not a zombie, and still the process we started.
    var isAlive: Bool {
        guard pid > 0, let stat = try? ProcStat.read(pid: pid) else { return false }
        return !stat.isZombieOrDead && stat.startTime == startTime
    }

    /// Signals through a pidfd opened before the identity check: the check and the signal refer to one process.
    func signal(_ signal: Int32) throws(SystemError) {
        let pidfd = try Processes.pidfdOpen(pid: pid)
        guard isAlive else { throw SystemError(op: "kill", errno: .ESRCH) }
        try Processes.pidfdSendSignal(pidfd.rawValue, signal: signal)
    }

    /// Waits (bounded) until the process has exited; a zombie counts as exited.
    @discardableResult
    func waitForExit(timeoutMilliseconds: Int32) -> Bool {
        guard let pidfd = try? Processes.pidfdOpen(pid: pid) else { return true }
        guard isAlive else { return true }
        var entry = pollfd(fd: pidfd.rawValue, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, timeoutMilliseconds) > 0 || !isAlive
    }

    /// Every process in the init's pid namespace (for `kill --all` until cgroups list them), or just the init
    /// when the container shares the host's pid namespace.
    func processesInPidNamespace(hostPidNamespace: String?) -> [Int32] {
        guard let namespace = try? FileSystem.readSymbolicLink("/proc/\(pid)/ns/pid"), namespace != hostPidNamespace,
              let directory = opendir("/proc") else { return [pid] }
        defer { closedir(directory) }
        var pids: [Int32] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if let pid = Int32(name) { pids.append(pid) }
        }
        return pids.filter {
            (try? FileSystem.readSymbolicLink("/proc/\($0)/ns/pid")) == namespace
        }
    }
}
