import CLinuxShim
import Glibc

/// MOUNT_ATTR_* for mount_setattr(2): per-mount flags that, unlike MS_*, can be applied recursively in one call.
public struct MountAttributes: OptionSet, Sendable {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    public static let readOnly = MountAttributes(rawValue: 0x01)
    public static let noSetuid = MountAttributes(rawValue: 0x02)
    public static let noDevices = MountAttributes(rawValue: 0x04)
    public static let noExec = MountAttributes(rawValue: 0x08)
    /// The access-time field (a 3-valued setting, cleared as a whole with this mask). Relatime is its zero value:
    /// clear the mask and set nothing to get it.
    public static let accessTimeMask = MountAttributes(rawValue: 0x70)
    public static let noAccessTime = MountAttributes(rawValue: 0x10)
    public static let strictAccessTime = MountAttributes(rawValue: 0x20)
    public static let noDirectoryAccessTime = MountAttributes(rawValue: 0x80)
    public static let idMap = MountAttributes(rawValue: 0x0010_0000)
    public static let noSymlinkFollow = MountAttributes(rawValue: 0x0020_0000)
}

/// open_tree(2) flags.
public struct OpenTreeFlags: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Detached copy of the mount (a bind mount not yet attached anywhere).
    public static let clone = OpenTreeFlags(rawValue: 1)
    public static let closeOnExec = OpenTreeFlags(rawValue: UInt32(O_CLOEXEC))
    /// With `clone`: copy the whole subtree (AT_RECURSIVE).
    public static let recursive = OpenTreeFlags(rawValue: 0x8000)
    public static let symlinkNoFollow = OpenTreeFlags(rawValue: 0x100)
    public static let emptyPath = OpenTreeFlags(rawValue: 0x1000)
}

/// move_mount(2) flags.
public struct MoveMountFlags: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let fromEmptyPath = MoveMountFlags(rawValue: 0x04)
    public static let toEmptyPath = MoveMountFlags(rawValue: 0x40)
}

extension Mounts {
    /// mount_setattr(2) on `path` relative to `directory`. `recursive` applies to the whole subtree (AT_RECURSIVE).
    /// `propagation` takes MS_SHARED/MS_SLAVE/MS_PRIVATE/MS_UNBINDABLE (one of them), or nil to leave it.
    public static func setAttributes(
        at directory: Int32 = AT_FDCWD, _ path: String, recursive: Bool = false, emptyPath: Bool = false,
        set: MountAttributes = [], clear: MountAttributes = [], propagation: MountFlags? = nil, userNamespaceFD: Int32? = nil
    ) throws(SystemError) {
        var flags: UInt32 = 0
        if recursive { flags |= UInt32(AtFlag.recursive) }
        if emptyPath { flags |= UInt32(AtFlag.emptyPath) }
        let prop = UInt64(propagation?.rawValue ?? 0)
        let userns = UInt64(UInt32(bitPattern: userNamespaceFD ?? 0))
        _ = try syscall("mount_setattr", path: path) {
            cls_mount_setattr(directory, path, flags, set.rawValue, clear.rawValue, prop, userns)
        }
    }

    /// open_tree(2): with `.clone`, a detached bind mount of `path` as an fd (O_CLOEXEC always added).
    public static func openTree(
        at directory: Int32 = AT_FDCWD, _ path: String, flags: OpenTreeFlags
    ) throws(SystemError) -> FileDescriptor {
        let all = flags.union(.closeOnExec).rawValue
        return FileDescriptor(adopting: try syscall("open_tree", path: path) { cls_open_tree(directory, path, all) })
    }

    /// move_mount(2): attaches a detached tree (from open_tree) or moves a mount.
    public static func moveMount(
        from fromDirectory: Int32, _ fromPath: String = "", to toDirectory: Int32 = AT_FDCWD, _ toPath: String,
        flags: MoveMountFlags = []
    ) throws(SystemError) {
        _ = try syscall("move_mount", path: toPath) {
            cls_move_mount(fromDirectory, fromPath, toDirectory, toPath, flags.rawValue)
        }
    }
}
