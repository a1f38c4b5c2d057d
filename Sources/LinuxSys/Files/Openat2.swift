import CLinuxShim
import Glibc

/// openat2(2) RESOLVE_* flags: how path resolution is confined.
public struct ResolveFlags: OptionSet, Sendable {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// Fail on crossing a mount point.
    public static let noCrossingMounts = ResolveFlags(rawValue: 0x01)
    /// Fail on /proc/PID/fd-style "magic" links (they can point anywhere).
    public static let noMagicLinks = ResolveFlags(rawValue: 0x02)
    /// Fail on any symlink.
    public static let noSymlinks = ResolveFlags(rawValue: 0x04)
    /// Fail if resolution would leave the directory fd's subtree.
    public static let beneath = ResolveFlags(rawValue: 0x08)
    /// Treat the directory fd as "/": absolute symlinks and ".." are clamped inside it (like chroot).
    public static let inRoot = ResolveFlags(rawValue: 0x10)
    /// Only succeed from the dcache (no I/O).
    public static let cached = ResolveFlags(rawValue: 0x20)
}

/// How often openat2 is retried when a rename or mount raced with a confined walk (EAGAIN).
private let maxAttemptsOnRace = 64

extension FileDescriptor {
    /// openat2(2) relative to `directory`; O_CLOEXEC always. `mode` only matters with O_CREAT/O_TMPFILE.
    public static func open(
        at directory: Int32, _ path: String, _ flags: Int32, mode: UInt32 = 0, resolve: ResolveFlags
    ) throws(SystemError) -> FileDescriptor {
        let how = UInt64(UInt32(bitPattern: flags | O_CLOEXEC))
        // With RESOLVE_IN_ROOT/BENEATH, a ".." walked while any rename or mount happens anywhere on the machine
        // fails with EAGAIN (the kernel cannot prove the walk stayed inside): retried, as libpathrs does. Seen
        // in the parallel tests: "openat2 /etc/escape-file: resource temporarily unavailable".
        var attempts = 0
        while true {
            do {
                let fd = try syscall("openat2", path: path) {
                    cls_openat2(directory, path, how, UInt64(mode), resolve.rawValue)
                }
                return FileDescriptor(adopting: fd)
            } catch where error.errno == .EAGAIN && attempts < maxAttemptsOnRace {
                attempts += 1
            }
        }
    }

    /// openat2 relative to this directory fd.
    public func open(
        _ path: String, _ flags: Int32, mode: UInt32 = 0, resolve: ResolveFlags
    ) throws(SystemError) -> FileDescriptor {
        try FileDescriptor.open(at: rawValue, path, flags, mode: mode, resolve: resolve)
    }

    /// `path` resolved as if this fd were "/" (RESOLVE_IN_ROOT, no magic links): cannot escape through symlinks or "..".
    public func openInRoot(_ path: String, _ flags: Int32 = OpenFlag.path) throws(SystemError) -> FileDescriptor {
        try open(path.isEmpty ? "." : path, flags, resolve: [.inRoot, .noMagicLinks])
    }
}
