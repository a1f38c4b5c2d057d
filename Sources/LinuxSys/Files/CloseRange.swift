import CLinuxShim

/// close_range(2) flags.
public let closeRangeCloseOnExec: UInt32 = 1 << 2
public let closeRangeUnshare: UInt32 = 1 << 1

public enum FileDescriptors {
    /// close_range(2). With `cloexec: true` the fds are only marked close-on-exec (runc does this to every fd
    /// above the stdio and preserved ones right before exec, after CVE-2024-21626 leaked a host cgroup fd).
    public static func closeRange(first: UInt32, last: UInt32 = UInt32.max, cloexec: Bool) throws(SystemError) {
        let flags = cloexec ? closeRangeCloseOnExec : 0
        _ = try syscallOnce("close_range") { cls_close_range(first, last, flags) }
    }
}
