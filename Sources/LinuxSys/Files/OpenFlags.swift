import Glibc

/// Open flags Swift's Glibc hides (it is built without _GNU_SOURCE). Values from the generic Linux ABI (x86_64, arm64).
public enum OpenFlag {
    public static let path: Int32 = 0o10000000
    public static let tmpFile: Int32 = 0o20000000 | O_DIRECTORY
    public static let noFollow: Int32 = O_NOFOLLOW
    public static let directory: Int32 = O_DIRECTORY
    public static let closeOnExec: Int32 = O_CLOEXEC
}

/// *at flags hidden without _GNU_SOURCE.
public enum AtFlag {
    public static let symlinkNoFollow: Int32 = AT_SYMLINK_NOFOLLOW
    public static let removeDir: Int32 = AT_REMOVEDIR
    public static let emptyPath: Int32 = 0x1000
    public static let recursive: Int32 = 0x8000
    public static let noAutomount: Int32 = 0x800
    public static let eaccess: Int32 = AT_EACCESS
}
