"""Measurement (g) on the host itself (cgroup v1 memory controller), swiftlet against runc.

Containers get cgroupsPath /<bench cgroup>/<container id>; the runtimes create that in every hierarchy, and
the bench removes /sys/fs/cgroup/*/<bench cgroup> on every exit path.
"""
import os

from . import cgroup_dirs, processes
from .bundles import BundleFactory
from .containers import ContainerRegistry
from .context import BenchContext
from .measurement import Measurement
from .memory_limit import measure_memory_floor
from .namespace_phase import probe_can_run
from .runtimes import make_runtimes

V1_MEMORY_LIMIT = "/sys/fs/cgroup/memory/memory.limit_in_bytes"


def run_host_phase(options, settings, base_config, cgroup_name):
    processes.become_subreaper()
    state_dir = os.path.join(options.scratch, "host")
    os.makedirs(state_dir, exist_ok=True)
    spawner = processes.Spawner(state_dir)
    parents = cgroup_dirs.hierarchy_dirs(cgroup_name)
    ctx = BenchContext(spawner, BundleFactory(base_config, os.path.join(state_dir, "bundles"), f"/{cgroup_name}"),
                       ContainerRegistry(spawner), settings, cgroup_parents=parents)
    runtimes = [r for r in make_runtimes(options.paths(), state_dir, in_cgroup2_namespace=False)
                if r.name in ("swiftlet", "runc")]
    if not os.path.exists(V1_MEMORY_LIMIT):
        skipped = Measurement("g", "smallest memory.limit under which run /bin/true starts (cgroup v1, host)", "KiB")
        for runtime in runtimes:
            skipped.mark_unavailable(runtime.name, "this host has no cgroup v1 memory controller")
        return [skipped]
    try:
        for runtime in runtimes:
            probe_can_run(ctx, runtime)
        print("bench: measuring g memory limit (host)", flush=True)
        return measure_memory_floor(ctx, runtimes)
    finally:
        ctx.containers.delete_all()
        for parent in parents:
            cgroup_dirs.remove_tree(parent)
