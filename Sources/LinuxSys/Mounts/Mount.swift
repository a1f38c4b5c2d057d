import CLinuxShim
import Glibc

public enum Mounts {
    /// mount(2). Errors read "mount <target>: <errno>"; `source` is not in the message because for bind
    /// mounts the runtime usually wants to say which one failed itself.
    public static func mount(
        source: String?, target: String, type: String?, flags: MountFlags = [], data: String? = nil
    ) throws(SystemError) {
        _ = try syscallOnce("mount", path: target) { Glibc.mount(source, target, type, flags.rawValue, data) }
    }

    public static func unmount(_ target: String, flags: UnmountFlags = []) throws(SystemError) {
        _ = try syscallOnce("umount2", path: target) { umount2(target, flags.rawValue) }
    }

    /// pivot_root(2). With `new == putOld == "."` (after chdir into the new root) the old root is stacked under
    /// the new one and can then be detached with `unmount(".", flags: .detach)`; no temporary directory needed.
    public static func pivotRoot(new: String, putOld: String) throws(SystemError) {
        _ = try syscallOnce("pivot_root", path: new) { cls_pivot_root(new, putOld) }
    }
}
