/// `mounts[].options` parsed the way runc does (libcontainer/specconv): mount(2) flags, propagation,
/// recursive mount_setattr(2) attributes, and whatever is left over becomes the filesystem's data string.
/// Pure, so it is unit-tested without a kernel.
import LinuxSys

public struct MountOptions: Equatable, Sendable {
    /// MS_* flags for mount(2) (MS_BIND and MS_REC included for bind/rbind).
    public var flags: MountFlags = []
    /// MS_SHARED/MS_SLAVE/MS_PRIVATE/MS_UNBINDABLE (with MS_REC for the r* forms), applied one by one after the mount.
    public var propagation: [MountFlags] = []
    /// MOUNT_ATTR_* to set and clear recursively (rro, rnosuid, …), applied with mount_setattr(AT_RECURSIVE).
    public var recursiveSet: MountAttributes = []
    public var recursiveClear: MountAttributes = []
    /// Comma-joined options the kernel's filesystem parses itself (mode=755, size=65536k, newinstance, …).
    public var data: String = ""
    /// "tmpcopyup": copy the underlying directory's content into a fresh tmpfs (runc extension).
    public var tmpCopyUp = false
    /// "idmap"/"ridmap": an idmapped mount (mount_setattr MOUNT_ATTR_IDMAP).
    public var idmap = false

    public var isBind: Bool { flags.contains(.bind) }

    public init(_ options: [String]) {
        var dataParts: [String] = []
        for option in options {
            if let (clear, flag) = MountOptions.flagTable[option] {
                if clear { flags.subtract(flag) } else { flags.formUnion(flag) }
            } else if let propagationFlag = MountOptions.propagationTable[option] {
                propagation.append(propagationFlag)
            } else if let (clear, attr) = MountOptions.recursiveTable[option] {
                // The access-time family is one 3-valued field: choosing one clears the field first.
                let isAccessTime = !attr.isDisjoint(with: .accessTimeMask) || attr.rawValue == 0
                if clear {
                    recursiveClear.formUnion(isAccessTime ? .accessTimeMask : attr); recursiveSet.subtract(attr)
                } else {
                    recursiveSet.formUnion(attr); recursiveClear.subtract(attr)
                    if isAccessTime { recursiveClear.formUnion(.accessTimeMask) }
                }
            } else if option == "tmpcopyup" {
                tmpCopyUp = true
            } else if option == "idmap" || option == "ridmap" {
                idmap = true
            } else {
                dataParts.append(option)
            }
        }
        data = PathText.joined(dataParts, separator: ",")
    }

    /// Every option name swiftlet interprets itself (for `features.mountOptions`).
    public static var knownOptionNames: [String] {
        (Array(flagTable.keys) + Array(propagationTable.keys) + Array(recursiveTable.keys) + ["tmpcopyup", "idmap", "ridmap"]).sorted()
    }

    /// option → (clears the flag?, flag): runc's table.
    static let flagTable: [String: (Bool, MountFlags)] = [
        "acl": (false, .posixACL), "noacl": (true, .posixACL),
        "async": (true, .synchronous), "sync": (false, .synchronous),
        "atime": (true, .noAccessTime), "noatime": (false, .noAccessTime),
        "bind": (false, .bind), "rbind": (false, [.bind, .recursive]),
        "defaults": (false, []),
        "dev": (true, .noDevices), "nodev": (false, .noDevices),
        "diratime": (true, .noDirectoryAccessTime), "nodiratime": (false, .noDirectoryAccessTime),
        "dirsync": (false, .directorySync),
        "exec": (true, .noExec), "noexec": (false, .noExec),
        "iversion": (false, MountFlags(rawValue: 1 << 23)), "noiversion": (true, MountFlags(rawValue: 1 << 23)),
        "lazytime": (false, .lazyTime), "nolazytime": (true, .lazyTime),
        "loud": (true, .silent), "silent": (false, .silent),
        "mand": (false, .mandatoryLocking), "nomand": (true, .mandatoryLocking),
        "relatime": (false, .relativeAccessTime), "norelatime": (true, .relativeAccessTime),
        "strictatime": (false, .strictAccessTime), "nostrictatime": (true, .strictAccessTime),
        "suid": (true, .noSetuid), "nosuid": (false, .noSetuid),
        "ro": (false, .readOnly), "rw": (true, .readOnly),
        "remount": (false, .remount),
        "symfollow": (true, .noSymlinkFollow), "nosymfollow": (false, .noSymlinkFollow),
    ]

    static let propagationTable: [String: MountFlags] = [
        "private": .private, "rprivate": [.private, .recursive],
        "shared": .shared, "rshared": [.shared, .recursive],
        "slave": .slave, "rslave": [.slave, .recursive],
        "unbindable": .unbindable, "runbindable": [.unbindable, .recursive],
    ]

    static let recursiveTable: [String: (Bool, MountAttributes)] = [
        "rro": (false, .readOnly), "rrw": (true, .readOnly),
        "rnosuid": (false, .noSetuid), "rsuid": (true, .noSetuid),
        "rnodev": (false, .noDevices), "rdev": (true, .noDevices),
        "rnoexec": (false, .noExec), "rexec": (true, .noExec),
        "rnodiratime": (false, .noDirectoryAccessTime), "rdiratime": (true, .noDirectoryAccessTime),
        "rrelatime": (false, MountAttributes(rawValue: 0)), "rnorelatime": (true, MountAttributes(rawValue: 0)),
        "rnoatime": (false, .noAccessTime), "ratime": (true, .noAccessTime),
        "rstrictatime": (false, .strictAccessTime), "rnostrictatime": (true, .strictAccessTime),
        "rnosymfollow": (false, .noSymlinkFollow), "rsymfollow": (true, .noSymlinkFollow),
    ]
}

