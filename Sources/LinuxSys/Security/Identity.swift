import CLinuxShim
import Glibc

/// User and group ids of the calling thread. Raw syscalls: we are single-threaded in the child, and glibc's
/// wrappers would otherwise signal every thread to keep them in sync.
public enum Identity {
    /// setresuid(2); UInt32.max (-1) leaves an id unchanged.
    public static func setUserIDs(real: UInt32, effective: UInt32, saved: UInt32) throws(SystemError) {
        _ = try syscallOnce("setresuid") { cls_setresuid(real, effective, saved) }
    }

    public static func setGroupIDs(real: UInt32, effective: UInt32, saved: UInt32) throws(SystemError) {
        _ = try syscallOnce("setresgid") { cls_setresgid(real, effective, saved) }
    }

    /// setuid-like: all three ids at once.
    public static func setUserID(_ uid: UInt32) throws(SystemError) { try setUserIDs(real: uid, effective: uid, saved: uid) }
    public static func setGroupID(_ gid: UInt32) throws(SystemError) { try setGroupIDs(real: gid, effective: gid, saved: gid) }

    /// setgroups(2): the supplementary groups (empty clears them).
    public static func setSupplementaryGroups(_ groups: [UInt32]) throws(SystemError) {
        _ = try syscallOnce("setgroups") { cls_setgroups(groups.count, groups) }
    }

    public static var userID: UInt32 { getuid() }
    public static var effectiveUserID: UInt32 { geteuid() }
    public static var groupID: UInt32 { getgid() }
    public static var effectiveGroupID: UInt32 { getegid() }
}
