"""config-linux.md "Devices", "Default Devices" and "Allowed Device list" (the devices cgroup)."""
import os
import stat

from harness.requirement import requirement

from .support import expect_create_fails

DEFAULT_DEVICES = [("/dev/null", 1, 3), ("/dev/zero", 1, 5), ("/dev/full", 1, 7), ("/dev/random", 1, 8),
                   ("/dev/urandom", 1, 9), ("/dev/tty", 5, 0)]


def _device(path, type_, major=None, minor=None, mode=None, uid=None, gid=None):
    entry = {"path": path, "type": type_}
    for key, value in (("major", major), ("minor", minor), ("fileMode", mode), ("uid", uid), ("gid", gid)):
        if value is not None:
            entry[key] = value
    return entry


@requirement("config-linux.devices.char", "config-linux.md", "Devices", "MUST", "a listed character device is available with its major, minor, mode and owner")
def char_device(ctx):
    bundle = ctx.bundle()
    bundle.config["linux"]["devices"] = [_device("/dev/conformance-c", "c", 1, 3, 0o640, 1000, 1000)]
    ctx.run_checks(bundle, [("dev", "/dev/conformance-c", "c", "1", "3"), ("owner-mode", "/dev/conformance-c", "640", "1000", "1000")])


@requirement("config-linux.devices.block", "config-linux.md", "Devices", "MUST", "a listed block device is available with its major and minor")
def block_device(ctx):
    bundle = ctx.bundle()
    bundle.config["linux"]["devices"] = [_device("/dev/conformance-b", "b", 7, 0, 0o600, 0, 0)]
    ctx.run_checks(bundle, [("dev", "/dev/conformance-b", "b", "7", "0"), ("owner-mode", "/dev/conformance-b", "600", "0", "0")])


@requirement("config-linux.devices.fifo", "config-linux.md", "Devices", "MUST", "a listed fifo (type p) is available")
def fifo_device(ctx):
    bundle = ctx.bundle()
    bundle.config["linux"]["devices"] = [_device("/dev/conformance-p", "p", mode=0o620)]
    ctx.run_checks(bundle, [("dev", "/dev/conformance-p", "p", "0", "0"), ("owner-mode", "/dev/conformance-p", "620", "0", "0")])


@requirement("config-linux.devices.unbuffered", "config-linux.md", "Devices", "MUST", "a listed unbuffered character device (type u) is available")
def unbuffered_device(ctx):
    bundle = ctx.bundle()
    bundle.config["linux"]["devices"] = [_device("/dev/conformance-u", "u", 1, 5, 0o666)]
    ctx.run_checks(bundle, [("dev", "/dev/conformance-u", "u", "1", "5")])


@requirement("config-linux.devices.outside-dev", "config-linux.md", "Devices", "MUST", "a device path may be outside /dev")
def outside_dev(ctx):
    bundle = ctx.bundle()
    bundle.config["linux"]["devices"] = [_device("/mnt/conformance-null", "c", 1, 3, 0o666)]
    ctx.run_checks(bundle, [("dev", "/mnt/conformance-null", "c", "1", "3"), ("open", "/mnt/conformance-null", "rw", "ok")])


@requirement("config-linux.devices.conflict", "config-linux.md", "Devices", "MUST", "a file already at the path that is not the requested device generates an error")
def conflict(ctx):
    # runc 1.1 silently keeps the existing file (mknod's EEXIST is ignored): a real deviation.
    bundle = ctx.bundle()
    bundle.write_file("/conformance-dev", "a regular file\n")
    bundle.config["linux"]["devices"] = [_device("/conformance-dev", "c", 1, 3, 0o666)]
    expect_create_fails(ctx, bundle, "create with a device over a regular file fails")


@requirement("config-linux.default-devices", "config-linux.md", "Default Devices", "MUST", "the default devices are supplied and usable")
def default_devices(ctx):
    bundle = ctx.bundle()
    checks = []
    for path, major, minor in DEFAULT_DEVICES:
        checks.append(("dev", path, "c", major, minor))
    checks += [("open", "/dev/null", "rw", "ok"), ("open", "/dev/zero", "r", "ok"), ("open", "/dev/full", "w", "ok"),
               ("open", "/dev/urandom", "r", "ok"), ("dev", "/dev/ptmx", "c", "5", "2")]
    ctx.run_checks(bundle, checks)


def _fuse_node_in_rootfs(bundle):
    """A 10:229 (fuse) node made on the host in the rootfs, so the runtime's own device handling (which may allow
    every device it is told to create) does not touch it: only the allowed list decides."""
    path = bundle.in_rootfs("/conformance-fuse")
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(10, 229))
    return "/conformance-fuse"


@requirement("config-linux.devices-cgroup.deny", "config-linux.md", "Allowed Device list", "MUST", "a device denied by the allowed list cannot be opened")
def cgroup_deny(ctx):
    bundle = ctx.bundle()
    node = _fuse_node_in_rootfs(bundle)
    bundle.config["linux"]["resources"]["devices"] = [{"allow": False, "access": "rwm"}]
    ctx.run_checks(bundle, [("open", node, "rw", "errno:1")])


@requirement("config-linux.devices-cgroup.allow", "config-linux.md", "Allowed Device list", "MUST", "a device allowed by the allowed list can be opened")
def cgroup_allow(ctx):
    if not os.path.exists("/dev/fuse"):
        ctx.skip("the host has no fuse device (10:229)")
    bundle = ctx.bundle()
    node = _fuse_node_in_rootfs(bundle)
    bundle.config["linux"]["resources"]["devices"] = [{"allow": False, "access": "rwm"},
                                                      {"allow": True, "type": "c", "major": 10, "minor": 229, "access": "rw"}]
    ctx.run_checks(bundle, [("open", node, "rw", "ok")])


@requirement("config-linux.devices-cgroup.order", "config-linux.md", "Allowed Device list", "MUST", "allowed-list entries are applied in the listed order (a later deny wins)")
def cgroup_order(ctx):
    bundle = ctx.bundle()
    node = _fuse_node_in_rootfs(bundle)
    bundle.config["linux"]["resources"]["devices"] = [{"allow": False, "access": "rwm"},
                                                      {"allow": True, "type": "c", "major": 10, "minor": 229, "access": "rw"},
                                                      {"allow": False, "type": "c", "major": 10, "minor": 229, "access": "rw"}]
    ctx.run_checks(bundle, [("open", node, "rw", "errno:1")])


@requirement("config-linux.devices-cgroup.mknod", "config-linux.md", "Allowed Device list", "MUST", "access m controls mknod of a device")
def cgroup_mknod(ctx):
    bundle = ctx.bundle()
    caps = ["CAP_MKNOD", "CAP_KILL"]
    bundle.config["process"]["capabilities"] = {k: caps for k in ("bounding", "effective", "permitted")}
    bundle.config["linux"]["resources"]["devices"] = [{"allow": False, "access": "rwm"},
                                                      {"allow": True, "type": "c", "major": 1, "minor": 9, "access": "m"}]
    # runc adds "c *:* m", "b *:* m" and "c 10:200 rwm" (tun) to every allowed list, so it lets the denied mknod
    # through: a real deviation.
    ctx.run_checks(bundle, [("mknod", "/tmp/allowed-node", "c", "1", "9", "ok"), ("mknod", "/tmp/denied-node", "c", "10", "200", "fails")])
