import CLinuxShim

public enum Namespaces {
    /// unshare(2): moves the calling process into new namespaces (for .pid, only its future children).
    /// Must be called while single-threaded for .user and .mount.
    public static func unshare(_ kinds: NamespaceKinds) throws(SystemError) {
        _ = try syscallOnce("unshare") { cls_unshare(kinds.rawValue) }
    }

    /// setns(2): joins the namespace `fd` refers to (an open /proc/PID/ns/* file or a pidfd).
    /// `kind` may be empty to accept any type.
    public static func setns(fd: Int32, kind: NamespaceKinds) throws(SystemError) {
        _ = try syscallOnce("setns") { cls_setns(fd, kind.rawValue) }
    }

    /// Same as `setns(fd:kind:)`, with the kernel's parameter name.
    public static func setns(fd: Int32, type: NamespaceKinds) throws(SystemError) { try setns(fd: fd, kind: type) }

    /// Joins the namespace at `path` (e.g. /proc/123/ns/net); the error carries the path.
    public static func join(path: String, kind: NamespaceKinds) throws(SystemError) {
        let fd = try FileDescriptor.open(path)
        do { try setns(fd: fd.rawValue, kind: kind) } catch { throw SystemError(op: "setns", path: path, errno: error.errno) }
    }
}
