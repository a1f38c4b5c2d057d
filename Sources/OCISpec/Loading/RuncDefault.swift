extension Spec {
    /// Exactly what `runc spec` (and `runc spec --rootless`) writes, for `swiftlet spec`.
    /// runc puts its own euid/egid in the rootless mappings; this module makes no syscalls,
    /// so the caller passes them (`geteuid()`, `getegid()`).
    public static func runcDefault(rootless: Bool, hostUID: UInt32 = 0, hostGID: UInt32 = 0) -> Spec {
        let capabilities: [Capability] = [.auditWrite, .kill, .netBindService]
        var spec = Spec(
            ociVersion: "1.0.2-dev",
            process: Process(
                terminal: true,
                user: User(uid: 0, gid: 0),
                args: ["sh"],
                env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=xterm"],
                cwd: "/",
                capabilities: LinuxCapabilities(
                    bounding: capabilities, effective: capabilities, permitted: capabilities, ambient: capabilities),
                rlimits: [POSIXRlimit(type: .nofile, hard: 1024, soft: 1024)],
                noNewPrivileges: true
            ),
            root: Root(path: "rootfs", readonly: true),
            hostname: "runc",
            mounts: runcDefaultMounts(rootless: rootless),
            linux: Linux(
                resources: LinuxResources(devices: [LinuxDeviceCgroup(allow: false, access: "rwm")]),
                namespaces: [.pid, .network, .ipc, .uts, .mount].map { LinuxNamespace(type: $0) },
                maskedPaths: [
                    "/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
                    "/proc/timer_stats", "/proc/sched_debug", "/sys/firmware", "/proc/scsi",
                ],
                readonlyPaths: ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"]
            )
        )
        if rootless {
            // runc's ToRootless: no network namespace, a user namespace mapping root to the caller,
            // no device cgroup rules, /sys bind-mounted (sysfs cannot be mounted without netns ownership).
            spec.linux?.resources = nil
            spec.linux?.namespaces = [.pid, .ipc, .uts, .mount, .user].map { LinuxNamespace(type: $0) }
            spec.linux?.uidMappings = [LinuxIDMapping(containerID: 0, hostID: hostUID, size: 1)]
            spec.linux?.gidMappings = [LinuxIDMapping(containerID: 0, hostID: hostGID, size: 1)]
        }
        return spec
    }

    private static func runcDefaultMounts(rootless: Bool) -> [Mount] {
        var devptsOptions = ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620"]
        if !rootless { devptsOptions.append("gid=5") }  // a rootless user namespace has no gid 5 mapped
        let sys = rootless
            ? Mount(destination: "/sys", type: "none", source: "/sys", options: ["rbind", "nosuid", "noexec", "nodev", "ro"])
            : Mount(destination: "/sys", type: "sysfs", source: "sysfs", options: ["nosuid", "noexec", "nodev", "ro"])
        return [
            Mount(destination: "/proc", type: "proc", source: "proc"),
            Mount(destination: "/dev", type: "tmpfs", source: "tmpfs", options: ["nosuid", "strictatime", "mode=755", "size=65536k"]),
            Mount(destination: "/dev/pts", type: "devpts", source: "devpts", options: devptsOptions),
            Mount(destination: "/dev/shm", type: "tmpfs", source: "shm", options: ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"]),
            Mount(destination: "/dev/mqueue", type: "mqueue", source: "mqueue", options: ["nosuid", "noexec", "nodev"]),
            sys,
            Mount(destination: "/sys/fs/cgroup", type: "cgroup", source: "cgroup", options: ["nosuid", "noexec", "nodev", "relatime", "ro"]),
        ]
    }
}
