import CLinuxShim
import Glibc

extension Processes {
    /// kill(2). `pid` 0 / negative follow kill's process-group rules.
    public static func kill(pid: Int32, signal: Int32) throws(SystemError) {
        _ = try syscallOnce("kill") { Glibc.kill(pid, signal) }
    }

    /// True if a process with this pid exists (kill(pid, 0); EPERM still means it exists).
    public static func exists(pid: Int32) -> Bool {
        Glibc.kill(pid, 0) == 0 || Errno.current == .EPERM
    }

    /// pidfd_open(2): an fd that keeps naming this process even if the pid is reused.
    public static func pidfdOpen(pid: Int32) throws(SystemError) -> FileDescriptor {
        FileDescriptor(adopting: try syscallOnce("pidfd_open") { cls_pidfd_open(pid, 0) })
    }

    /// pidfd_send_signal(2): signals exactly the process the pidfd names (ESRCH once it has exited).
    public static func pidfdSendSignal(_ pidfd: Int32, signal: Int32) throws(SystemError) {
        _ = try syscallOnce("pidfd_send_signal") { cls_pidfd_send_signal(pidfd, signal, 0) }
    }
}
