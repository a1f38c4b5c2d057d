"""Measurements (a)–(f), run inside bench/in-cgroup2-namespace.sh so crun can run beside runc and swiftlet.

Inside, /sys/fs/cgroup is a cgroup2 mount rooted at a cgroup the wrapper made; every container gets
cgroupsPath /<container id> under it, and crun runs with --cgroup-manager=disabled.
"""
import json
import os

from . import processes
from .bundles import BundleFactory
from .concurrent_start import measure_concurrent
from .containers import ContainerRegistry
from .context import BenchContext
from .many_containers import measure_many
from .peak_rss import measure_runtime_rss
from .runtimes import Floor, make_runtimes
from .startup import measure_exec, measure_lifecycle, measure_run


def run_namespace_phase(options, settings, base_config, out_path):
    processes.become_subreaper()
    state_dir = os.path.join(options.scratch, "namespace")
    os.makedirs(state_dir, exist_ok=True)
    spawner = processes.Spawner(state_dir)
    ctx = BenchContext(spawner, BundleFactory(base_config, os.path.join(state_dir, "bundles"), ""),
                       ContainerRegistry(spawner), settings, cgroup_parents=["/sys/fs/cgroup"])
    runtimes = make_runtimes(options.paths(), state_dir, in_cgroup2_namespace=True)
    floor = Floor("floor", options.floor, options.rootfs)
    try:
        for participant in runtimes:
            probe_can_run(ctx, participant)
        probe_floor(ctx, floor)
        measurements = []
        for step, measure in (("a run", lambda: measure_run(ctx, runtimes, floor)),
                              ("b create/start/delete", lambda: measure_lifecycle(ctx, runtimes)),
                              ("f runtime peak RSS", lambda: measure_runtime_rss(ctx, runtimes, floor,
                                                                                 options.peak_rss)),
                              ("c state/list + f init RSS", lambda: measure_many(ctx, runtimes, floor)),
                              ("d exec", lambda: measure_exec(ctx, runtimes)),
                              ("e concurrent", lambda: measure_concurrent(ctx, runtimes, floor))):
            print(f"bench: measuring {step}", flush=True)
            measurements += measure()
        with open(out_path, "w") as f:
            json.dump({"measurements": [m.to_json() for m in measurements]}, f)
    finally:
        ctx.containers.delete_all()
        for container_id in os.listdir(ctx.bundles.dir) if os.path.isdir(ctx.bundles.dir) else []:
            ctx.remove_container_cgroups(container_id)


def probe_can_run(ctx, runtime):
    """One `run` of /bin/true decides whether a runtime takes part; its error becomes the reason if not."""
    if not runtime.available:
        return
    container_id = f"{runtime.name}-probe"
    bundle = ctx.bundles.make(container_id)
    ctx.containers.track(runtime, container_id)
    result = ctx.spawner.run(runtime.argv("run", "--bundle", bundle, container_id), ctx.settings.timeout_s)
    if result.ok:
        ctx.containers.forget(runtime, container_id)
    else:
        runtime.unavailable = f"cannot run a container yet: {result.error_line()}"
        ctx.containers.force_delete(runtime, container_id)
        processes.kill_and_reap(processes.living_children())
        ctx.remove_container_cgroups(container_id)
    processes.reap_orphans()


def probe_floor(ctx, floor):
    if not os.access(floor.binary, os.X_OK):
        floor.unavailable = f"{floor.binary} not built"
        return
    result = ctx.spawner.run(floor.argv(), ctx.settings.timeout_s)
    if not result.ok:
        floor.unavailable = result.error_line()
