"""config-linux.md "Control groups": cgroupsPath and resources, read on the host from wherever each controller is
mounted (v1 hierarchy or v2), plus what the container itself sees through its cgroup mount."""
import os

from harness.host import first_block_device
from harness.requirement import requirement

from .support import applied_or_error, make_sleeper


def _read(path):
    try:
        with open(path) as f:
            return " ".join(f.read().split())
    except OSError:
        return None


def _started(ctx, bundle):
    make_sleeper(bundle)
    container = ctx.create_started(bundle)
    if container and not container.pid:
        ctx.fail("container pid", "no pid from --pid-file or state")
        return None
    return container


def _limit_file(ctx, container, controller, v1_file, v2_file):
    """(host path of the limit file, version) for the container's cgroup, or (None, reason)."""
    where = ctx.cgroups.locate(controller)
    if where is None:
        return None, f"{controller} controller not mounted"
    path = ctx.cgroups.process_path(container.pid, controller)
    if path is None:
        return None, f"process {container.pid} has no {controller} cgroup"
    name = v1_file if where.version == 1 else v2_file
    if name is None:
        return None, f"no cgroup v{where.version} file for this setting"
    return os.path.join(ctx.cgroups.directory(controller, path), name), where.version


def _require(ctx, controller):
    if ctx.cgroups.locate(controller) is None:
        ctx.skip(f"the host has no {controller} controller mounted")


def _expect_files(ctx, container, controller, expectations):
    """expectations: [(v1 file, v1 value, v2 file, v2 value, label)]."""
    for v1_file, v1_value, v2_file, v2_value, label in expectations:
        path, version = _limit_file(ctx, container, controller, v1_file, v2_file)
        if path is None:
            ctx.fail(label, version)
            continue
        want = v1_value if version == 1 else v2_value
        got = _read(path)
        ctx.check(got == want, f"{label} ({os.path.basename(path)} = {want})", f"{path} is {got!r}")


@requirement("config-linux.cgroups-path.absolute", "config-linux.md", "Cgroups Path", "MUST", "an absolute cgroupsPath is taken relative to each cgroup mount point")
def absolute_path(ctx):
    bundle = ctx.bundle()
    container = _started(ctx, bundle)
    if not container:
        return
    for controller in ("memory", "pids", "cpu", "devices"):
        if ctx.cgroups.locate(controller) is None:
            continue
        path = ctx.cgroups.process_path(container.pid, controller)
        ctx.check(path == bundle.cgroups_path, f"{controller} cgroup is {bundle.cgroups_path}", f"it is {path}")
        ctx.check(os.path.isdir(ctx.cgroups.directory(controller, bundle.cgroups_path)), f"{controller} directory exists under the mount point")


@requirement("config-linux.memory", "config-linux.md", "Memory", "MUST", "memory limit and reservation are applied")
def memory(ctx):
    _require(ctx, "memory")
    bundle = ctx.bundle()
    bundle.config["linux"]["resources"]["memory"] = {"limit": 67108864, "reservation": 33554432}
    container = _started(ctx, bundle)
    if container:
        _expect_files(ctx, container, "memory", [
            ("memory.limit_in_bytes", "67108864", "memory.max", "67108864", "limit"),
            ("memory.soft_limit_in_bytes", "33554432", "memory.low", "33554432", "reservation")])


@requirement("config-linux.memory.swap", "config-linux.md", "Memory", "MUST", "memory swap (memory+swap limit) is applied")
def memory_swap(ctx):
    _require(ctx, "memory")
    where = ctx.cgroups.locate("memory")
    if where.version == 1 and not os.path.exists(os.path.join(where.mountpoint, "memory.memsw.limit_in_bytes")):
        ctx.skip("the host has no swap accounting (memory.memsw.* missing)")
    if where.version == 2 and not os.path.exists("/proc/swaps"):
        ctx.skip("the host has no swap")
    bundle = ctx.bundle()
    bundle.config["linux"]["resources"]["memory"] = {"limit": 67108864, "swap": 134217728}
    container = _started(ctx, bundle)
    if container:
        _expect_files(ctx, container, "memory", [("memory.memsw.limit_in_bytes", "134217728", "memory.swap.max", "67108864", "swap")])


@requirement("config-linux.memory.swappiness", "config-linux.md", "Memory", "MUST", "memory swappiness is applied (cgroup v1)")
def memory_swappiness(ctx):
    _require(ctx, "memory")
    if ctx.cgroups.locate("memory").version != 1:
        ctx.skip("swappiness exists only in cgroup v1 and this host's memory controller is v2")
    bundle = ctx.bundle()
    bundle.config["linux"]["resources"]["memory"] = {"swappiness": 17}
    container = _started(ctx, bundle)
    if container:
        _expect_files(ctx, container, "memory", [("memory.swappiness", "17", None, None, "swappiness")])


@requirement("config-linux.cpu", "config-linux.md", "CPU", "MUST", "cpu shares, quota and period are applied")
def cpu(ctx):
    _require(ctx, "cpu")
    bundle = ctx.bundle()
    bundle.config["linux"]["resources"]["cpu"] = {"shares": 512, "quota": 50000, "period": 100000}
    container = _started(ctx, bundle)
    if container:
        expectations = [("cpu.cfs_quota_us", "50000", "cpu.max", "50000 100000", "quota"),
                        ("cpu.cfs_period_us", "100000", "cpu.max", "50000 100000", "period")]
        if ctx.cgroups.locate("cpu").version == 1:
            expectations.append(("cpu.shares", "512", None, None, "shares"))
        _expect_files(ctx, container, "cpu", expectations)


@requirement("config-linux.cpuset", "config-linux.md", "CPU", "MUST", "cpus and mems are applied to the cpuset")
def cpuset(ctx):
    _require(ctx, "cpuset")
    bundle = ctx.bundle()
    bundle.config["linux"]["resources"]["cpu"] = {"cpus": "0", "mems": "0"}
    container = _started(ctx, bundle)
    if container:
        _expect_files(ctx, container, "cpuset", [("cpuset.cpus", "0", "cpuset.cpus", "0", "cpus"),
                                                 ("cpuset.mems", "0", "cpuset.mems", "0", "mems")])


@requirement("config-linux.pids", "config-linux.md", "PIDs", "MUST", "pids limit is applied")
def pids(ctx):
    _require(ctx, "pids")
    bundle = ctx.bundle()
    bundle.config["linux"]["resources"]["pids"] = {"limit": 42}
    container = _started(ctx, bundle)
    if container:
        _expect_files(ctx, container, "pids", [("pids.max", "42", "pids.max", "42", "limit")])


@requirement("config-linux.blockio.weight", "config-linux.md", "Block IO", "MUST", "blockIO weight is applied")
def blockio_weight(ctx):
    _require(ctx, "blkio" if ctx.cgroups.locate("blkio") else "io")
    where = ctx.cgroups.locate("blkio") or ctx.cgroups.locate("io")
    names = ["blkio.weight", "blkio.bfq.weight"] if where.version == 1 else ["io.bfq.weight", "io.weight"]
    present = [n for n in names if os.path.exists(os.path.join(where.mountpoint, n))]
    if not present:
        ctx.skip(f"the host's block IO controller has no weight file ({', '.join(names)}: no CFQ/BFQ scheduler)")
    bundle = ctx.bundle()
    bundle.config["linux"]["resources"]["blockIO"] = {"weight": 123}
    container = _started(ctx, bundle)
    if container:
        controller = "blkio" if where.version == 1 else "io"
        directory = ctx.cgroups.directory(controller, ctx.cgroups.process_path(container.pid, controller) or "/")
        got = _read(os.path.join(directory, present[0]))
        ctx.check(got is not None and "123" in got.split(), f"{present[0]} holds 123", f"it is {got!r}")


@requirement("config-linux.blockio.throttle", "config-linux.md", "Block IO", "MUST", "blockIO throttleReadBpsDevice is applied")
def blockio_throttle(ctx):
    where = ctx.cgroups.locate("blkio") or ctx.cgroups.locate("io")
    if where is None:
        ctx.skip("the host has no blkio/io controller mounted")
    device = first_block_device()
    if device is None:
        ctx.skip("the host has no real block device to throttle")
    major, minor = device
    bundle = ctx.bundle()
    bundle.config["linux"]["resources"]["blockIO"] = {"throttleReadBpsDevice": [{"major": major, "minor": minor, "rate": 1048576}]}
    container = _started(ctx, bundle)
    if not container:
        return
    controller = "blkio" if where.version == 1 else "io"
    directory = ctx.cgroups.directory(controller, ctx.cgroups.process_path(container.pid, controller) or "/")
    if where.version == 1:
        got = _read(os.path.join(directory, "blkio.throttle.read_bps_device"))
        ctx.check(got == f"{major}:{minor} 1048576", f"blkio.throttle.read_bps_device = {major}:{minor} 1048576", f"it is {got!r}")
    else:
        got = _read(os.path.join(directory, "io.max")) or ""
        ctx.check(f"{major}:{minor}" in got and "rbps=1048576" in got, f"io.max has {major}:{minor} rbps=1048576", f"it is {got!r}")


@requirement("config-linux.hugepage-limits", "config-linux.md", "Huge page limits", "MUST", "hugepageLimits are applied (or create fails if they cannot be)")
def hugepage_limits(ctx):
    if not os.path.isdir("/sys/kernel/mm/hugepages/hugepages-2048kB"):
        ctx.skip("the host has no 2MB huge pages")
    bundle = ctx.bundle()
    make_sleeper(bundle)
    bundle.config["linux"]["resources"]["hugepageLimits"] = [{"pageSize": "2MB", "limit": 4194304}]

    def verify(container):
        if not container.start().ok or not container.pid:
            return False, "start failed"
        where = ctx.cgroups.locate("hugetlb")
        if where is None:
            return False, "the host has no hugetlb controller, yet create accepted hugepageLimits"
        directory = ctx.cgroups.directory("hugetlb", ctx.cgroups.process_path(container.pid, "hugetlb") or "/")
        names = ["hugetlb.2MB.limit_in_bytes"] if where.version == 1 else ["hugetlb.2MB.max"]
        got = _read(os.path.join(directory, names[0]))
        return got == "4194304", f"{os.path.join(directory, names[0])} is {got!r}"

    # runc 1.1 on a hybrid host ignores hugetlb when it lives on the v2 hierarchy: a real deviation.
    applied_or_error(ctx, bundle, "the 2MB limit is 4194304", verify)


@requirement("config-linux.network", "config-linux.md", "Network", "MUST", "network classID is applied (or create fails if it cannot be)")
def network_class(ctx):
    bundle = ctx.bundle()
    make_sleeper(bundle)
    bundle.config["linux"]["resources"]["network"] = {"classID": 1048577}

    def verify(container):
        if not container.start().ok or not container.pid:
            return False, "start failed"
        where = ctx.cgroups.locate("net_cls")
        if where is None:
            return False, "the host has no net_cls controller, yet create accepted network.classID"
        got = _read(os.path.join(ctx.cgroups.directory("net_cls", ctx.cgroups.process_path(container.pid, "net_cls") or "/"), "net_cls.classid"))
        return got == "1048577", f"net_cls.classid is {got!r}"

    # runc 1.1 silently skips controllers that are not mounted: a real deviation from "cannot apply -> error".
    applied_or_error(ctx, bundle, "net_cls.classid is 1048577", verify)


@requirement("config-linux.unified", "config-linux.md", "Unified", "MUST", "unified keys are written to the cgroup v2 files (or create fails)")
def unified(ctx):
    if ctx.cgroups.v2 is None:
        ctx.skip("the host has no cgroup v2 hierarchy")
    bundle = ctx.bundle()
    make_sleeper(bundle)
    bundle.config["linux"]["resources"]["unified"] = {"cgroup.max.descendants": "7"}

    def verify(container):
        if not container.start().ok or not container.pid:
            return False, "start failed"
        path = None
        try:
            with open(f"/proc/{container.pid}/cgroup") as f:
                for line in f:
                    if line.startswith("0::"):
                        path = line.strip()[3:]
        except OSError:
            pass
        if path is None:
            return False, "no cgroup v2 membership"
        got = _read(os.path.join(ctx.cgroups.v2.mountpoint, path.lstrip("/"), "cgroup.max.descendants"))
        return got == "7", f"cgroup.max.descendants is {got!r}"

    applied_or_error(ctx, bundle, "cgroup.max.descendants is 7", verify)


@requirement("config-linux.cgroups.inside", "config-linux.md", "Control groups", "SHOULD", "the container sees its own limits through its cgroup mount")
def limits_inside(ctx):
    _require(ctx, "pids")
    bundle = ctx.bundle()
    bundle.config["linux"]["resources"]["pids"] = {"limit": 42}
    controller = "pids" if ctx.cgroups.locate("pids").version == 1 else "unified"
    ctx.run_checks(bundle, [("cgroup-file", controller, "pids.max", "42")])
