"""config.md "Root" and "Mounts": the root filesystem, mount types, bind mounts, order and paths."""
import os

from harness.requirement import requirement

from .support import write_script


def _host_tree(ctx, name="src"):
    """A host directory with a marker file, to bind into containers."""
    source = ctx.host_dir(name)
    with open(os.path.join(source, "marker"), "w") as f:
        f.write("from-the-host\n")
    return source


@requirement("config.root.path", "config.md", "Root", "MUST", "root.path may be absolute; the container's / is that directory")
def root_absolute(ctx):
    bundle = ctx.bundle()
    bundle.config["root"]["path"] = bundle.rootfs
    bundle.write_file("/root-marker", "absolute-root\n")
    ctx.run_checks(bundle, [("file", "/root-marker", "absolute-root")])


@requirement("config.root.readonly", "config.md", "Root", "MUST", "root.readonly true makes the root filesystem read-only")
def root_readonly(ctx):
    bundle = ctx.bundle()
    bundle.config["root"]["readonly"] = True
    ctx.run_checks(bundle, [("readonly", "/"), ("mount", "/", "*", "ro"), ("writable", "/dev/shm")])


@requirement("config.root.writable", "config.md", "Root", "MUST", "root.readonly false (the default) leaves the root filesystem writable")
def root_writable(ctx):
    bundle = ctx.bundle()
    bundle.config["root"].pop("readonly", None)
    ctx.run_checks(bundle, [("writable", "/"), ("mount", "/", "*", "!ro")])


@requirement("config.mounts.types", "config.md", "POSIX-platform Mounts", "MUST", "each mount gets its filesystem type (proc, tmpfs, sysfs, devpts, mqueue, cgroup)")
def mount_types(ctx):
    bundle = ctx.bundle()
    ctx.run_checks(bundle, [("mount", "/proc", "proc", "-"), ("mount", "/dev", "tmpfs", "-"), ("mount", "/sys", "sysfs", "-"),
                            ("mount", "/dev/pts", "devpts", "-"), ("mount", "/dev/shm", "tmpfs", "-"),
                            ("mount", "/dev/mqueue", "mqueue", "-")])


@requirement("config.mounts.tmpfs-data", "config.md", "Linux mount options", "MUST", "tmpfs size and mode options reach the filesystem")
def tmpfs_size_mode(ctx):
    bundle = ctx.bundle()
    bundle.add_mount("/mnt/sized", "tmpfs", "tmpfs", ["size=1024k", "mode=1750"])
    ctx.run_checks(bundle, [("mount", "/mnt/sized", "tmpfs", "size=1024k,mode=1750"), ("owner-mode", "/mnt/sized", "1750", "0", "0")])


@requirement("config.mounts.unknown-option", "config.md", "Linux mount options", "SHOULD", "unknown options are passed to mount(2) as filesystem data")
def unknown_option(ctx):
    bundle = ctx.bundle()
    bundle.add_mount("/mnt/inodes", "tmpfs", "tmpfs", ["nr_inodes=4242"])
    ctx.run_checks(bundle, [("mount", "/mnt/inodes", "tmpfs", "nr_inodes=4242")])


@requirement("config.mounts.bind", "config.md", "Mounts", "MUST", "a bind mount shows the source directory's content")
def bind(ctx):
    source = _host_tree(ctx)
    bundle = ctx.bundle()
    bundle.add_mount("/mnt/bound", "none", source, ["bind"])
    ctx.run_checks(bundle, [("file", "/mnt/bound/marker", "from-the-host")])


@requirement("config.mounts.bind-file", "config.md", "Mounts", "MUST", "a bind mount of a single file works")
def bind_file(ctx):
    source = os.path.join(_host_tree(ctx), "marker")
    bundle = ctx.bundle()
    bundle.add_mount("/etc/conformance-file", "none", source, ["bind", "ro"])
    ctx.run_checks(bundle, [("file", "/etc/conformance-file", "from-the-host"), ("readonly", "/etc/conformance-file")])


@requirement("config.mounts.bind-relative-source", "config.md", "Mounts", "MUST", "a relative bind source is relative to the bundle")
def bind_relative(ctx):
    bundle = ctx.bundle()
    source = os.path.join(bundle.path, "volume")
    os.makedirs(source)
    with open(os.path.join(source, "marker"), "w") as f:
        f.write("relative-source\n")
    bundle.add_mount("/mnt/relative", "none", "volume", ["bind"])
    ctx.run_checks(bundle, [("file", "/mnt/relative/marker", "relative-source")])


@requirement("config.mounts.rbind", "config.md", "Linux mount options", "MUST", "rbind brings submounts along; bind does not")
def rbind(ctx):
    source = _host_tree(ctx)
    sub = ctx.host_mount("tmpfs", os.path.join(source, "sub"))
    with open(os.path.join(sub, "inner"), "w") as f:
        f.write("in-the-submount\n")
    bundle = ctx.bundle()
    bundle.add_mount("/mnt/r", "none", source, ["rbind"])
    bundle.add_mount("/mnt/nr", "none", source, ["bind"])
    ctx.run_checks(bundle, [("file", "/mnt/r/sub/inner", "in-the-submount"), ("absent", "/mnt/nr/sub/inner")])


@requirement("config.mounts.order", "config.md", "Mounts", "MUST", "mounts are mounted in the listed order")
def order(ctx):
    bundle = ctx.bundle()
    bundle.add_mount("/mnt/stack", "tmpfs", "tmpfs", ["size=1024k"])
    bundle.add_mount("/mnt/stack", "tmpfs", "tmpfs", ["size=2048k"])
    bundle.add_mount("/mnt/stack/inner", "tmpfs", "tmpfs", ["size=512k"])
    ctx.run_checks(bundle, [("mount", "/mnt/stack", "tmpfs", "size=2048k"), ("mount", "/mnt/stack/inner", "tmpfs", "size=512k")])


@requirement("config.mounts.relative-destination", "config.md", "Mounts", "MUST", "a relative destination is interpreted relative to /")
def relative_destination(ctx):
    bundle = ctx.bundle()
    bundle.add_mount("mnt/reldest", "tmpfs", "tmpfs", ["size=1024k"])
    ctx.run_checks(bundle, [("mount", "/mnt/reldest", "tmpfs", "size=1024k")])


@requirement("config.mounts.exec-effect", "config.md", "Linux mount options", "MUST", "noexec prevents execution from the mount, exec allows it")
def exec_effect(ctx):
    source = ctx.host_dir("programs")
    write_script(os.path.join(source, "prog"), "#!/bin/sh\nexit 0\n")
    bundle = ctx.bundle()
    bundle.add_mount("/mnt/noexec", "none", source, ["bind", "noexec"])
    bundle.add_mount("/mnt/exec", "none", source, ["bind", "exec"])
    ctx.run_checks(bundle, [("exec", "/mnt/noexec/prog", "denied"), ("exec", "/mnt/exec/prog", "ok")])
