import OCISpec
import Seccomp

/// The one place that says what swiftlet implements, printed by `features` (features.md,
/// features-linux.md). Per the spec this describes the build, not the host: flip a value when the code
/// for it lands, not when a host happens to support it.
public enum ImplementedFeatures {
    public static var current: Features {
        Features(
            ociVersionMin: "1.0.0",
            ociVersionMax: SwiftletVersion.spec,
            hooks: HookKind.allCases,
            mountOptions: mountOptions,
            annotations: ["org.swiftlet.version": SwiftletVersion.version, "org.swiftlet.commit": SwiftletVersion.commit],
            linux: LinuxFeatures(
                namespaces: LinuxNamespaceType.allCases,
                capabilities: Capability.allCases.map(\.rawValue),
                // v1, v2 and hybrid drivers are wired into create/delete/pause/update; no systemd driver.
                cgroup: LinuxCgroupFeatures(v1: true, v2: true, systemd: false, systemdUser: false, rdma: true),
                // What this build and kernel apply: actions, operators, architectures, known and supported flags.
                seccomp: SeccompFeatures.current(),
                apparmor: LinuxApparmorFeatures(enabled: false),
                selinux: LinuxSelinuxFeatures(enabled: false),
                intelRdt: LinuxIntelRdtFeatures(enabled: false),
                mountExtensions: LinuxMountExtensionsFeatures(idmap: LinuxIDMapFeatures(enabled: true))
            )
        )
    }

    /// runc's recognised mount options (the propagation and recursive `r*` ones included); filesystem
    /// data options such as `mode=755` pass through to mount(2) and are not listed, per features.md.
    public static let mountOptions: [String] = [
        "acl", "async", "atime", "bind", "defaults", "dev", "diratime", "dirsync", "exec", "iversion", "lazytime",
        "loud", "mand", "noacl", "noatime", "nodev", "nodiratime", "noexec", "noiversion", "nolazytime", "nomand",
        "norelatime", "nostrictatime", "nosuid", "nosymfollow", "private", "ratime", "rbind", "rdev", "rdiratime",
        "relatime", "remount", "rexec", "rnoatime", "rnodev", "rnodiratime", "rnoexec", "rnorelatime",
        "rnostrictatime", "rnosuid", "rnosymfollow", "ro", "rprivate", "rrelatime", "rro", "rrw", "rshared",
        "rslave", "rstrictatime", "rsuid", "rsymfollow", "runbindable", "rw", "shared", "silent", "slave",
        "strictatime", "suid", "symfollow", "sync", "tmpcopyup", "unbindable",
    ]
}
