/// mount(2) MS_* flags. Values from <linux/mount.h>.
public struct MountFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt
    public init(rawValue: UInt) { self.rawValue = rawValue }

    public static let readOnly = MountFlags(rawValue: 1)              // MS_RDONLY
    public static let noSetuid = MountFlags(rawValue: 2)              // MS_NOSUID
    public static let noDevices = MountFlags(rawValue: 4)             // MS_NODEV
    public static let noExec = MountFlags(rawValue: 8)                // MS_NOEXEC
    public static let synchronous = MountFlags(rawValue: 16)          // MS_SYNCHRONOUS
    public static let remount = MountFlags(rawValue: 32)              // MS_REMOUNT
    public static let mandatoryLocking = MountFlags(rawValue: 64)     // MS_MANDLOCK
    public static let directorySync = MountFlags(rawValue: 128)       // MS_DIRSYNC
    public static let noSymlinkFollow = MountFlags(rawValue: 256)     // MS_NOSYMFOLLOW
    public static let noAccessTime = MountFlags(rawValue: 1024)       // MS_NOATIME
    public static let noDirectoryAccessTime = MountFlags(rawValue: 2048) // MS_NODIRATIME
    public static let bind = MountFlags(rawValue: 4096)               // MS_BIND
    public static let move = MountFlags(rawValue: 8192)               // MS_MOVE
    public static let recursive = MountFlags(rawValue: 16384)         // MS_REC
    public static let silent = MountFlags(rawValue: 32768)            // MS_SILENT
    public static let posixACL = MountFlags(rawValue: 1 << 16)        // MS_POSIXACL
    public static let unbindable = MountFlags(rawValue: 1 << 17)      // MS_UNBINDABLE
    public static let `private` = MountFlags(rawValue: 1 << 18)       // MS_PRIVATE
    public static let slave = MountFlags(rawValue: 1 << 19)           // MS_SLAVE
    public static let shared = MountFlags(rawValue: 1 << 20)          // MS_SHARED
    public static let relativeAccessTime = MountFlags(rawValue: 1 << 21) // MS_RELATIME
    public static let strictAccessTime = MountFlags(rawValue: 1 << 24)   // MS_STRICTATIME
    public static let lazyTime = MountFlags(rawValue: 1 << 25)        // MS_LAZYTIME

    /// Propagation types: a mount(2) call carrying one of these changes propagation only.
    public static let propagationMask: MountFlags = [.shared, .slave, .private, .unbindable]
}

/// umount2(2) flags.
public struct UnmountFlags: OptionSet, Sendable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let force = UnmountFlags(rawValue: 1)       // MNT_FORCE
    public static let detach = UnmountFlags(rawValue: 2)      // MNT_DETACH
    public static let expire = UnmountFlags(rawValue: 4)      // MNT_EXPIRE
    public static let noFollow = UnmountFlags(rawValue: 8)    // UMOUNT_NOFOLLOW
}
