"""config.md "Linux mount options": one test per option string, each observed in /proc/self/mountinfo
(or, for options the kernel does not report, that the mount is made at all)."""
import os

from harness.requirement import requirement

SECTION = "Linux mount options"
POINT = "/mnt/opt"

# (option, level, options given, checker checks). Pairs like ["noatime", "atime"] test that the later
# option wins, as with mount(8); options the kernel does not show are checked for being accepted.
TMPFS_OPTIONS = [
    ("async", "MUST", ["sync", "async"], [("mount", POINT, "tmpfs", "!sync")]),
    ("atime", "MUST", ["noatime", "atime"], [("mount", POINT, "tmpfs", "!noatime")]),
    ("defaults", "MUST", ["defaults"], [("mount", POINT, "tmpfs", "rw"), ("writable", POINT)]),
    ("dev", "MUST", ["nodev", "dev"], [("mount", POINT, "tmpfs", "!nodev")]),
    ("diratime", "MUST", ["nodiratime", "diratime"], [("mount", POINT, "tmpfs", "!nodiratime")]),
    ("dirsync", "MUST", ["dirsync"], [("mount", POINT, "tmpfs", "dirsync")]),
    ("exec", "MUST", ["noexec", "exec"], [("mount", POINT, "tmpfs", "!noexec")]),
    ("iversion", "MUST", ["iversion"], [("mount", POINT, "tmpfs", "-")]),
    ("lazytime", "MUST", ["lazytime"], [("mount", POINT, "tmpfs", "lazytime")]),
    ("loud", "MUST", ["silent", "loud"], [("mount", POINT, "tmpfs", "-")]),
    ("noatime", "MUST", ["noatime"], [("mount", POINT, "tmpfs", "noatime")]),
    ("nodev", "MUST", ["nodev"], [("mount", POINT, "tmpfs", "nodev")]),
    ("nodiratime", "MUST", ["nodiratime"], [("mount", POINT, "tmpfs", "nodiratime")]),
    ("noexec", "MUST", ["noexec"], [("mount", POINT, "tmpfs", "noexec")]),
    ("noiversion", "MUST", ["noiversion"], [("mount", POINT, "tmpfs", "-")]),
    ("nolazytime", "MUST", ["lazytime", "nolazytime"], [("mount", POINT, "tmpfs", "!lazytime")]),
    ("norelatime", "MUST", ["relatime", "norelatime"], [("mount", POINT, "tmpfs", "-")]),
    ("nostrictatime", "MUST", ["strictatime", "nostrictatime"], [("mount", POINT, "tmpfs", "relatime")]),
    ("nosuid", "MUST", ["nosuid"], [("mount", POINT, "tmpfs", "nosuid")]),
    ("private", "MUST", ["private"], [("propagation", POINT, "private")]),
    ("relatime", "MUST", ["relatime"], [("mount", POINT, "tmpfs", "relatime")]),
    ("ro", "MUST", ["ro"], [("mount", POINT, "tmpfs", "ro"), ("readonly", POINT)]),
    ("rprivate", "MUST", ["rprivate"], [("propagation", POINT, "private")]),
    ("rshared", "MUST", ["rshared"], [("propagation", POINT, "shared")]),
    ("runbindable", "MUST", ["runbindable"], [("propagation", POINT, "unbindable")]),
    ("rw", "MUST", ["ro", "rw"], [("mount", POINT, "tmpfs", "rw"), ("writable", POINT)]),
    ("shared", "MUST", ["shared"], [("propagation", POINT, "shared")]),
    ("silent", "MUST", ["silent"], [("mount", POINT, "tmpfs", "-")]),
    ("strictatime", "MUST", ["strictatime"], [("mount", POINT, "tmpfs", "!relatime,!noatime")]),
    ("suid", "MUST", ["nosuid", "suid"], [("mount", POINT, "tmpfs", "!nosuid")]),
    ("sync", "MUST", ["sync"], [("mount", POINT, "tmpfs", "sync")]),
    ("unbindable", "MUST", ["unbindable"], [("propagation", POINT, "unbindable")]),
    ("nosymfollow", "SHOULD", ["nosymfollow"], [("mount", POINT, "tmpfs", "nosymfollow")]),
    ("symfollow", "SHOULD", ["nosymfollow", "symfollow"], [("mount", POINT, "tmpfs", "!nosymfollow")]),
]

# Recursive (AT_RECURSIVE) options, on an rbind of a host tree that has a submount: both levels must show them.
RECURSIVE_OPTIONS = [
    ("rro", "ro"), ("rnosuid", "nosuid"), ("rnodev", "nodev"), ("rnoexec", "noexec"), ("rnoatime", "noatime"),
    ("rnodiratime", "nodiratime"), ("rnosymfollow", "nosymfollow"), ("rstrictatime", "!relatime"),
]


def _tmpfs_test(option, options, checks):
    def run(ctx):
        bundle = ctx.bundle()
        bundle.add_mount(POINT, "tmpfs", "tmpfs", options)
        ctx.run_checks(bundle, checks)
    return run


# runc 1.1 passes "defaults" to mount(2) as filesystem data and tmpfs rejects it (EINVAL): a real deviation.
for _option, _level, _options, _checks in TMPFS_OPTIONS:
    requirement(f"config.mount-option.{_option}", "config.md", SECTION, _level,
                f"option {_option} is implemented ({' '.join(_options)} on tmpfs)")(_tmpfs_test(_option, _options, _checks))


@requirement("config.mount-option.slave", "config.md", SECTION, "MUST", "option slave makes a bind of a shared mount receive, not send, events")
def slave(ctx):
    source = ctx.host_mount("tmpfs", os.path.join(ctx.dir, "shared-src"), shared=True)
    bundle = ctx.bundle()
    bundle.config["linux"]["rootfsPropagation"] = "slave"
    bundle.add_mount(POINT, "none", source, ["rbind", "slave"])
    ctx.run_checks(bundle, [("propagation", POINT, "slave")])


@requirement("config.mount-option.rslave", "config.md", SECTION, "MUST", "option rslave makes a bind of a shared mount receive, not send, events")
def rslave(ctx):
    source = ctx.host_mount("tmpfs", os.path.join(ctx.dir, "shared-src"), shared=True)
    bundle = ctx.bundle()
    bundle.config["linux"]["rootfsPropagation"] = "slave"
    bundle.add_mount(POINT, "none", source, ["rbind", "rslave"])
    ctx.run_checks(bundle, [("propagation", POINT, "slave")])


def _recursive_test(option, flag):
    def run(ctx):
        source = ctx.host_dir("tree")
        ctx.host_mount("tmpfs", os.path.join(source, "sub"))
        bundle = ctx.bundle()
        bundle.add_mount(POINT, "none", source, ["rbind", option])
        ctx.run_checks(bundle, [("mount", POINT, "*", flag), ("mount", POINT + "/sub", "tmpfs", flag)])
    return run


for _option, _flag in RECURSIVE_OPTIONS:
    requirement(f"config.mount-option.{_option}", "config.md", SECTION, "SHOULD",
                f"option {_option} applies {_flag} to the mount and its submounts")(_recursive_test(_option, _flag))


@requirement("config.mount-option.idmap", "config.md", SECTION, "SHOULD", "option idmap with uidMappings/gidMappings makes an idmapped mount")
def idmap(ctx):
    # runc 1.1 has no idmapped mounts (runc 1.2 added them); it mounts without the mapping: a real deviation.
    source = ctx.host_dir("owned")
    path = os.path.join(source, "root-owned")
    with open(path, "w") as f:
        f.write("x\n")
    os.chown(path, 0, 0)
    bundle = ctx.bundle()
    mapping = [{"containerID": 0, "hostID": 1000, "size": 1}]
    bundle.add_mount("/mnt/idmapped", "none", source, ["rbind", "idmap"], uidMappings=mapping, gidMappings=mapping)
    ctx.run_checks(bundle, [("owner", "/mnt/idmapped/root-owned", "1000", "1000")])


@requirement("config.mount-option.idmap-no-mapping", "config.md", SECTION, "MUST", "option idmap without mappings and without a user namespace generates an error")
def idmap_without_mapping(ctx):
    # runc 1.1 ignores the idmap option instead of refusing it: a real deviation.
    from .support import expect_create_or_start_fails
    bundle = ctx.bundle()
    bundle.add_mount("/mnt/idmapped", "none", ctx.host_dir("owned"), ["rbind", "idmap"])
    expect_create_or_start_fails(ctx, bundle, "idmap with no mapping is refused")
