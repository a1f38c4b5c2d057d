import Glibc
import LinuxSys

extension CgroupSet {
    /// Moves a process into every directory of the set (its cgroup.procs).
    public func join(pid: Int32) throws(CgroupError) {
        for directory in directories { try directory.write("cgroup.procs", String(pid)) }
    }

    /// The same for a process that was cloned into the cgroup2 directory already (CLONE_INTO_CGROUP): the v1 ones.
    public func joinExceptUnified(pid: Int32) throws(CgroupError) {
        for directory in directories where directory.path != unifiedPath { try directory.write("cgroup.procs", String(pid)) }
    }

    /// Every process in the container's cgroup and its nested cgroups (for `ps` and `kill --all`).
    public func processes() throws(CgroupError) -> [Int32] {
        guard let directory = processListingDirectory else { return [] }
        var pids: [Int32] = []
        try CgroupSet.collectProcesses(directory, into: &pids)
        return pids
    }

    /// The pids hierarchy counts every task; otherwise any directory holds the same processes.
    private var processListingDirectory: CgroupDirectory? {
        for key in ["pids", "memory", "freezer", "devices"] { if let path = paths[key] { return CgroupDirectory(path) } }
        return directories.first
    }

    private static func collectProcesses(_ directory: CgroupDirectory, into pids: inout [Int32]) throws(CgroupError) {
        guard directory.exists else { return }
        let text: String
        do { text = try directory.read("cgroup.procs") } catch {
            if error.errno == .ENOENT { return }
            throw error
        }
        pids += text.split(separator: "\n").compactMap { Int32($0) }
        for child in directory.children() { try collectProcesses(child, into: &pids) }
    }

    /// Sends `signal` to every process in the container's cgroups. Processes that exited meanwhile are skipped.
    public func signalAll(_ signal: Int32) throws(CgroupError) {
        for pid in try processes() where kill(pid, signal) != 0 {
            let errno = Errno.current
            if errno != .ESRCH { throw CgroupError(op: "kill \(pid)", errno: errno) }
        }
    }

    /// Where this set's freezer is: the v1 freezer hierarchy if mounted, else cgroup2's cgroup.freeze.
    private enum Freezer { case v1(CgroupDirectory), v2(CgroupDirectory) }

    private func freezer() throws(CgroupError) -> Freezer {
        if let path = paths[V1Freezer.controller] { return .v1(CgroupDirectory(path)) }
        if let unifiedPath { return .v2(CgroupDirectory(unifiedPath)) }
        throw CgroupError(op: "freeze", reason: "no freezer: neither the v1 freezer nor cgroup2 is mounted")
    }

    /// Stops every process (pause).
    public func freeze() throws(CgroupError) {
        switch try freezer() {
        case .v1(let directory): try V1Freezer.freeze(directory)
        case .v2(let directory): try V2Freezer.freeze(directory)
        }
    }

    /// Lets them run again (resume).
    public func thaw() throws(CgroupError) {
        switch try freezer() {
        case .v1(let directory): try V1Freezer.thaw(directory)
        case .v2(let directory): try V2Freezer.thaw(directory)
        }
    }

    public var isFrozen: Bool {
        switch try? freezer() {
        case .v1(let directory): return V1Freezer.isFrozen(directory)
        case .v2(let directory): return V2Freezer.isFrozen(directory)
        case nil: return false
        }
    }

    /// `delete` of a container that still has processes: SIGKILL them all (cgroup.kill where the kernel has it),
    /// then thaw — a frozen v1 task only dies once thawed — wait until the cgroups are empty (bounded), remove them.
    /// `timeoutMicroseconds` bounds the wait for the kernel to finish the exits.
    public func killAllAndDestroy(timeoutMicroseconds: UInt32 = 5_000_000) throws(CgroupError) {
        if removeIfEmpty() { return }
        if let unifiedPath, isUnifiedOnly, CgroupDirectory(unifiedPath).has("cgroup.kill") {
            try CgroupDirectory(unifiedPath).write("cgroup.kill", "1")
        } else {
            try signalAll(SIGKILL)
        }
        if isFrozen { try thaw() }
        var waited: UInt32 = 0
        while try !processes().isEmpty {
            guard waited < timeoutMicroseconds else {
                throw CgroupError(op: "kill", file: directories.first?.path, reason: "processes still running after SIGKILL")
            }
            // Tasks that forked between the listing and the kill: kill again.
            try signalAll(SIGKILL)
            usleep(10_000)
            waited += 10_000
        }
        try destroy()
    }
}
