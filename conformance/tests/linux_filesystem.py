"""config-linux.md "Default Filesystems", "Masked Paths", "Readonly Paths" and "Rootfs Mount Propagation"."""
import os

from harness.requirement import requirement


@requirement("config-linux.default-filesystems", "config-linux.md", "Default Filesystems", "SHOULD", "/proc, /sys, /dev/pts and /dev/shm are available")
def default_filesystems(ctx):
    bundle = ctx.bundle()
    ctx.run_checks(bundle, [("mount", "/proc", "proc", "-"), ("mount", "/sys", "sysfs", "-"), ("mount", "/dev/pts", "devpts", "-"),
                            ("mount", "/dev/shm", "tmpfs", "-")])


@requirement("config-linux.masked-paths", "config-linux.md", "Masked Paths", "MUST", "maskedPaths cannot be read (files read empty, directories list nothing)")
def masked_paths(ctx):
    bundle = ctx.bundle()
    bundle.write_file("/masked-file", "secret\n")
    bundle.write_file("/masked-dir/inside", "secret\n")
    paths = ["/masked-file", "/masked-dir"] + [p for p in ("/proc/kcore", "/proc/timer_list", "/proc/keys") if os.path.exists(p)]
    bundle.config["linux"]["maskedPaths"] = paths
    ctx.run_checks(bundle, [("masked", p) for p in paths])


@requirement("config-linux.readonly-paths", "config-linux.md", "Readonly Paths", "MUST", "readonlyPaths are read-only")
def readonly_paths(ctx):
    bundle = ctx.bundle()
    bundle.write_file("/ro-dir/inside", "data\n")
    bundle.write_file("/ro-file", "data\n")
    paths = ["/ro-dir", "/ro-file"] + [p for p in ("/proc/sys", "/proc/sysrq-trigger") if os.path.exists(p)]
    bundle.config["linux"]["readonlyPaths"] = paths
    ctx.run_checks(bundle, [("readonly", p) for p in paths] + [("file", "/ro-dir/inside", "data")])


def _host_mount_is_shared(path):
    """Whether the host mount holding `path` is shared (otherwise a slave of it has no master to follow)."""
    best, shared = "", False
    with open("/proc/self/mountinfo") as f:
        for line in f:
            left = line.split(" - ")[0].split()
            point = left[4]
            if (path == point or path.startswith(point.rstrip("/") + "/")) and len(point) >= len(best):
                best, shared = point, any(field.startswith("shared:") for field in left[6:])
    return shared


def _propagation(kind):
    def run(ctx):
        bundle = ctx.bundle()
        bundle.config["linux"]["rootfsPropagation"] = kind
        expected = kind
        if kind == "slave" and not _host_mount_is_shared(bundle.rootfs):
            # Slave of a private mount is private: with nothing to receive, the kernel shows no master.
            expected = "private"
            ctx.note("the host mount under the bundle is private, so a slave rootfs shows as private")
        # runc 1.1 leaves / private for "shared" and fails its rootfs bind mount for "unbindable": real deviations.
        ctx.run_checks(bundle, [("propagation", "/", expected)])
    return run


for _kind in ("shared", "slave", "private", "unbindable"):
    requirement(f"config-linux.rootfs-propagation.{_kind}", "config-linux.md", "Rootfs Mount Propagation", "MUST",
                f"rootfsPropagation {_kind} sets the rootfs mount's propagation")(_propagation(_kind))
