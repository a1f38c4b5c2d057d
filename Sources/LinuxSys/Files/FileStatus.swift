import Glibc

/// The fields of struct stat a runtime looks at.
public struct FileStatus: Equatable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var mode: UInt32
    public var linkCount: UInt64
    public var uid: UInt32
    public var gid: UInt32
    /// For device nodes: the device they stand for.
    public var specialDevice: UInt64
    public var size: Int64

    init(_ st: stat) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        mode = UInt32(st.st_mode)
        linkCount = UInt64(st.st_nlink)
        uid = st.st_uid
        gid = st.st_gid
        specialDevice = UInt64(st.st_rdev)
        size = Int64(st.st_size)
    }

    public var fileType: UInt32 { mode & UInt32(S_IFMT) }
    public var permissions: UInt32 { mode & 0o7777 }
    public var isDirectory: Bool { fileType == UInt32(S_IFDIR) }
    public var isRegularFile: Bool { fileType == UInt32(S_IFREG) }
    public var isSymbolicLink: Bool { fileType == UInt32(S_IFLNK) }
    public var isCharacterDevice: Bool { fileType == UInt32(S_IFCHR) }
    public var isBlockDevice: Bool { fileType == UInt32(S_IFBLK) }
    public var isFIFO: Bool { fileType == UInt32(S_IFIFO) }
    public var isSocket: Bool { fileType == UInt32(S_IFSOCK) }

    /// major/minor of `specialDevice` (glibc's gnu_dev_major/minor encoding).
    public var specialDeviceMajor: UInt32 { DeviceNumber.major(specialDevice) }
    public var specialDeviceMinor: UInt32 { DeviceNumber.minor(specialDevice) }
}

/// dev_t encoding as glibc does it (makedev/major/minor are macros, so not visible to Swift).
public enum DeviceNumber {
    public static func make(major: UInt32, minor: UInt32) -> UInt64 {
        let ma = UInt64(major), mi = UInt64(minor)
        return ((ma & 0x0000_0fff) << 8) | ((ma & 0xffff_f000) << 32) | (mi & 0xff) | ((mi & 0xffff_ff00) << 12)
    }
    public static func major(_ dev: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: ((dev >> 8) & 0x0000_0fff) | ((dev >> 32) & 0xffff_f000))
    }
    public static func minor(_ dev: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: (dev & 0xff) | ((dev >> 12) & 0xffff_ff00))
    }
}

extension FileDescriptor {
    public func status() throws(SystemError) -> FileStatus {
        var st = stat()
        _ = try syscall("fstat") { Glibc.fstat(rawValue, &st) }
        return FileStatus(st)
    }

    /// Same as `status()`, named after the call.
    public func fstat() throws(SystemError) -> FileStatus { try status() }
}
