"""config-linux.md "Namespaces", "User namespace mappings" and "Offset for Time Namespace"."""
import os

from harness.host import has_namespace_support, namespace_inode, user_namespaces_available
from harness.requirement import requirement

from .support import expect_create_fails, make_sleeper

SECTION = "Namespaces"
UID_MAP = [{"containerID": 0, "hostID": 100000, "size": 65536}]


def _new_namespace(kind, extra_checks=()):
    def run(ctx):
        if not has_namespace_support(kind):
            ctx.skip(f"the kernel has no {kind} namespaces")
        bundle = ctx.bundle()
        bundle.add_namespace(kind)
        ctx.run_checks(bundle, [("ns", _file(kind), namespace_inode(kind), "diff"), *extra_checks])
    return run


def _file(kind):
    return {"network": "net", "mount": "mnt"}.get(kind, kind)


for _kind, _extra in [("pid", [("pid", "1")]), ("network", []), ("ipc", []), ("uts", [("hostname", "conformance")]),
                      ("mount", []), ("cgroup", [("cgroup-root",)])]:
    requirement(f"config-linux.namespaces.new-{_kind}", "config-linux.md", SECTION, "MUST",
                f"a {_kind} entry without path gets a new {_kind} namespace")(_new_namespace(_kind, _extra))


def _inherited(kind):
    def run(ctx):
        bundle = ctx.bundle()
        bundle.remove_namespace(kind)
        if kind == "uts":
            bundle.config.pop("hostname", None)
        ctx.run_checks(bundle, [("ns", _file(kind), namespace_inode(kind), "same")])
    return run


for _kind in ("network", "ipc", "uts", "cgroup"):
    requirement(f"config-linux.namespaces.inherit-{_kind}", "config-linux.md", SECTION, "MUST",
                f"without a {_kind} entry the container inherits the runtime's {_kind} namespace")(_inherited(_kind))


@requirement("config-linux.namespaces.join-path", "config-linux.md", SECTION, "MUST", "an entry with path places the process in that namespace (another container's /proc/PID/ns/X)")
def join_by_path(ctx):
    owner_bundle = ctx.bundle()
    make_sleeper(owner_bundle)
    owner = ctx.create_started(owner_bundle, "the namespace owner starts")
    if not owner or not owner.pid:
        return
    bundle = ctx.bundle()
    checks = []
    for kind in ("network", "ipc", "uts", "pid"):
        bundle.add_namespace(kind, f"/proc/{owner.pid}/ns/{_file(kind)}")
        checks.append(("ns", _file(kind), namespace_inode(kind, owner.pid), "same"))
    bundle.config.pop("hostname", None)  # the owner's UTS namespace is not ours to rename
    ctx.run_checks(bundle, checks)


@requirement("config-linux.namespaces.wrong-type", "config-linux.md", SECTION, "MUST", "a path that is not a namespace of the given type generates an error")
def wrong_type(ctx):
    owner_bundle = ctx.bundle()
    make_sleeper(owner_bundle)
    owner = ctx.create_started(owner_bundle, "the namespace owner starts")
    if not owner or not owner.pid:
        return
    bundle = ctx.bundle()
    bundle.add_namespace("ipc", f"/proc/{owner.pid}/ns/net")
    expect_create_fails(ctx, bundle, "ipc entry with a network namespace path is refused")


@requirement("config-linux.namespaces.duplicate", "config-linux.md", SECTION, "MUST", "duplicated namespace types generate an error")
def duplicate(ctx):
    bundle = ctx.bundle()
    bundle.namespaces().append({"type": "ipc"})
    expect_create_fails(ctx, bundle, "two ipc entries are refused")


def _userns_bundle(ctx):
    ok, why = user_namespaces_available()
    if not ok:
        ctx.skip(why)
    bundle = ctx.bundle(private_copy=True)
    bundle.add_namespace("user")
    bundle.config["linux"]["uidMappings"] = UID_MAP
    bundle.config["linux"]["gidMappings"] = UID_MAP
    # A v1 cgroup filesystem cannot be mounted from a user namespace; the test is about the mappings.
    bundle.config["mounts"] = [m for m in bundle.config["mounts"] if m["destination"] != "/sys/fs/cgroup"]
    return bundle


@requirement("config-linux.namespaces.new-user", "config-linux.md", SECTION, "MUST", "a user entry without path gets a new user namespace")
def new_user(ctx):
    bundle = _userns_bundle(ctx)
    ctx.run_checks(bundle, [("ns", "user", namespace_inode("user"), "diff"), ("uid", "0")])


@requirement("config-linux.user-mappings", "config-linux.md", "User namespace mappings", "MUST", "uidMappings and gidMappings become the user namespace's uid_map and gid_map")
def user_mappings(ctx):
    bundle = _userns_bundle(ctx)
    ctx.run_checks(bundle, [("file", "/proc/self/uid_map", "0 100000 65536"), ("file", "/proc/self/gid_map", "0 100000 65536"),
                            ("uid", "0"), ("gid", "0")])


@requirement("config-linux.user-mappings-ownership", "config-linux.md", "User namespace mappings", "SHOULD", "the runtime does not chown the rootfs to realise the mapping")
def user_mappings_ownership(ctx):
    bundle = _userns_bundle(ctx)
    bundle.config["process"]["args"] = ["true"]
    before = os.stat(bundle.in_rootfs("/bin/busybox"))
    if ctx.run_to_exit(bundle):
        after = os.stat(bundle.in_rootfs("/bin/busybox"))
        ctx.check((after.st_uid, after.st_gid) == (before.st_uid, before.st_gid), "/bin/busybox keeps its owner",
                  f"owner changed from {before.st_uid}:{before.st_gid} to {after.st_uid}:{after.st_gid}")


@requirement("config-linux.namespaces.new-time", "config-linux.md", SECTION, "SHOULD", "time namespaces are supported (a time entry gets a new time namespace)")
def new_time(ctx):
    # runc 1.1 does not know the time namespace (added in runc 1.2): a real deviation from this SHOULD.
    if not has_namespace_support("time"):
        ctx.skip("the kernel has no time namespaces")
    bundle = ctx.bundle()
    bundle.add_namespace("time")
    ctx.run_checks(bundle, [("ns", "time", namespace_inode("time"), "diff")])


@requirement("config-linux.time-offsets", "config-linux.md", "Offset for Time Namespace", "MUST", "timeOffsets set the time namespace's clock offsets")
def time_offsets(ctx):
    # runc 1.1 ignores timeOffsets and refuses the time namespace: a real deviation.
    if not has_namespace_support("time") or not os.path.exists("/proc/self/timens_offsets"):
        ctx.skip("the kernel has no time namespaces")
    bundle = ctx.bundle()
    bundle.add_namespace("time")
    bundle.config["linux"]["timeOffsets"] = {"monotonic": {"secs": 172800, "nanosecs": 0}, "boottime": {"secs": 604800, "nanosecs": 0}}
    ctx.run_checks(bundle, [("file-has", "/proc/self/timens_offsets", "monotonic 172800 0"),
                            ("file-has", "/proc/self/timens_offsets", "boottime 604800 0")])
