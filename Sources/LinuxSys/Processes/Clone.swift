import CLinuxShim
import Glibc

/// clone3-only flags that are not namespaces.
public struct CloneFlags: OptionSet, Sendable {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// Return a pidfd for the child (clone3 stores it for us).
    public static let pidfd = CloneFlags(rawValue: 0x1000)
    /// Child shares the parent's parent (exits are reported to the grandparent).
    public static let parent = CloneFlags(rawValue: 0x8000)
    /// Start the child directly in the cgroup given by an fd: no window where it runs in ours.
    public static let intoCgroup = CloneFlags(rawValue: 0x2_0000_0000)
    /// Reset signal handlers to default in the child (except ignored ones).
    public static let clearSignalHandlers = CloneFlags(rawValue: 0x1_0000_0000)

    public init(namespaces: NamespaceKinds) { rawValue = UInt64(UInt32(bitPattern: namespaces.rawValue)) }
}

/// The result of a fork-like call: which side we are on.
public enum ForkResult: Equatable, Sendable {
    case child
    case parent(pid: Int32)
}

/// The result of clone3 with CLONE_PIDFD, on the parent's side.
public struct ClonedChild: ~Copyable {
    public let pid: Int32
    public var pidfd: FileDescriptor?
}

public enum Processes {
    /// fork(2) through glibc (runs atfork handlers, refreshes glibc's cached TID).
    public static func fork() throws(SystemError) -> ForkResult {
        let pid = try syscallOnce("fork") { Glibc.fork() }
        return pid == 0 ? .child : .parent(pid: pid)
    }

    /// Raw clone(2) with SIGCHLD and the given namespace flags, no new stack: behaves like fork and returns
    /// `.child` in the child, which is then the init of a new PID namespace if `.pid` was asked.
    /// Only call while single-threaded; in the child glibc's cached TID is stale (avoid raise/pthread_kill).
    public static func clone(namespaces: NamespaceKinds, flags: CloneFlags = []) throws(SystemError) -> ForkResult {
        let all = UInt64(UInt32(bitPattern: namespaces.rawValue)) | flags.rawValue | UInt64(SIGCHLD)
        let pid = try syscallOnce("clone") { cls_clone_fork(all) }
        return pid == 0 ? .child : .parent(pid: Int32(pid))
    }

    /// clone3(2), fork-like. With `cgroup` the child starts in that cgroup (CLONE_INTO_CGROUP, cgroup v2 only);
    /// a pidfd is always requested (CLONE_PIDFD) and returned to the parent.
    /// Returns nil in the child.
    public static func clone3(
        namespaces: NamespaceKinds = [], flags: CloneFlags = [], cgroup: Int32? = nil
    ) throws(SystemError) -> ClonedChild? {
        var all = UInt64(UInt32(bitPattern: namespaces.rawValue)) | flags.rawValue | CloneFlags.pidfd.rawValue
        if cgroup != nil { all |= CloneFlags.intoCgroup.rawValue }
        var pidfd: Int32 = -1
        let pid = try syscallOnce("clone3") { cls_clone3(all, SIGCHLD, cgroup ?? 0, &pidfd) }
        if pid == 0 { return nil }
        return ClonedChild(pid: Int32(pid), pidfd: pidfd >= 0 ? FileDescriptor(adopting: pidfd) : nil)
    }

    public static var currentID: Int32 { getpid() }
    public static var parentID: Int32 { getppid() }
    public static var threadID: Int32 { cls_gettid() }

    /// _exit(2): leaves at once, without atexit handlers or stdio flushes (what a forked child must do on failure).
    public static func exitImmediately(_ code: Int32) -> Never { _exit(code) }

    /// setsid(2): new session, no controlling terminal (so the container's terminal can become ours).
    @discardableResult
    public static func newSession() throws(SystemError) -> Int32 {
        try syscallOnce("setsid") { setsid() }
    }
}
