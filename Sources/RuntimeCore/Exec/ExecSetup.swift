import LinuxSys
import Cgroups
import Glibc

/// Forks `exec`'s children and drives their sync (ExecPipeline) until the process has exec'd: child 1 is put
/// in the container's cgroups before it may go on, so everything it forks starts there.
struct ExecSetup {
    let plan: SetupPlan
    let initPid: Int32
    let cgroups: CgroupSet?
    let mode: ConsoleMode
    let pidFile: String?

    /// The running process (our child, thanks to CLONE_PARENT) and, for the foreground relay, the pty master.
    struct Started {
        let pid: Int32
        /// Owned by the caller.
        let master: Int32?
    }

    func start() throws(RuntimeError) -> Started {
        // Connected first, so a wrong --console-socket fails before anything is forked.
        var socketFD: Int32 = -1
        if case .socket(let path) = mode { socketFD = try ConsoleSocket.connect(path).release() }
        defer { if socketFD >= 0 { close(socketFD) } }
        let ends = try system("exec") { () throws(SystemError) in try SyncChannel.pair() }
        let parentEnd = FileDescriptor(adopting: ends.parent)
        let childEnd = FileDescriptor(adopting: ends.child)
        let parentPid = getpid()
        let forked = try system("clone") { () throws(SystemError) in try Processes.clone(namespaces: [], flags: []) }
        guard case .parent(let child1) = forked else {
            ExecChild.run(plan: plan, initPid: initPid, syncFD: childEnd.rawValue, parentPid: parentPid,
                          inheritedFDs: [parentEnd.rawValue] + (socketFD >= 0 ? [socketFD] : []))
        }
        try? childEnd.close()
        var progress = Progress()
        do throws(RuntimeError) {
            try drive(child1: child1, syncFD: parentEnd.rawValue, socketFD: socketFD, progress: &progress)
        } catch {
            if let master = progress.master { close(master) }
            if progress.pid > 0 {
                kill(progress.pid, SIGKILL)
                _ = try? Processes.wait(pid: progress.pid)
            }
            if !progress.child1Reaped {
                kill(child1, SIGKILL)
                _ = try? Processes.wait(pid: child1)
            }
            throw error
        }
        return Started(pid: progress.pid, master: progress.master)
    }

    private struct Progress {
        var pid: Int32 = 0
        var child1Reaped = false
        var master: Int32?
    }

    private func drive(child1: Int32, syncFD: Int32, socketFD: Int32, progress: inout Progress) throws(RuntimeError) {
        if let cgroups {
            do { try cgroups.join(pid: child1) } catch { throw .invalidArgument("exec: cgroups: \(error)") }
        }
        let channel = SyncChannel(fd: syncFD)
        try system("exec") { () throws(SystemError) in try channel.send(.proceed) }
        while true {
            let message = try system("exec") { () throws(SystemError) in try channel.receive() }
            switch message {
            case .initForked(let pid)?:
                progress.pid = pid
                _ = try? Processes.wait(pid: child1)
                progress.child1Reaped = true
            case .consoleReady?:
                let master = try system("console") { () throws(SystemError) in try ConsoleMaster.receive(syncFD: syncFD) }
                if case .socket = mode {
                    try ConsoleSocket.sendMaster(master.rawValue, over: socketFD)
                } else {
                    progress.master = master.release()
                }
            case .seccompListener?:
                throw .invalidArgument("exec failed: linux.seccomp with SCMP_ACT_NOTIFY is not supported for exec'd processes yet")
            case .failed(let failure)?:
                throw .invalidArgument("exec failed: unable to start container process: \(failure)")
            case nil:
                // child 1 gone and child 2's execve closed the socket: the process runs.
                guard progress.pid > 0 else {
                    throw .invalidArgument("exec failed: the setup process exited before starting the process")
                }
                if let pidFile {
                    try system("pid file") { () throws(SystemError) in try PidFile.write(progress.pid, to: pidFile) }
                }
                return
            case let other?:
                throw .invalidArgument("exec failed: unexpected sync message \(other)")
            }
        }
    }
}
