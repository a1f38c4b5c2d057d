"""(c) `state` and `list` with many containers present (created, not started), and (f) the container side:
the peak RSS (VmHWM) of each created container's init, read from /proc while it waits for `start`."""
import os

from . import processes
from .measurement import Measurement, interleaved
from .startup import available, note_unavailable, read_pid


def measure_many(ctx, runtimes, floor):
    many = ctx.settings.many
    state = Measurement("c-state", f"state of one container, {many} created containers present", "ms")
    listing = Measurement("c-list", f"list, {many} created containers present", "ms")
    init_rss = Measurement("f-init", "container init peak RSS before exec (VmHWM, created, waiting for start)", "KiB")
    created = create_many(ctx, available(runtimes), init_rss)

    def one_state(runtime, round_number):
        container_id = created[runtime.name][round_number % len(created[runtime.name])]
        result = ctx.spawner.run(runtime.argv("state", container_id), ctx.settings.timeout_s)
        return (result.elapsed_ms, "") if result.ok else (None, result.error_line())

    def one_list(runtime, round_number):
        result = ctx.spawner.run(runtime.argv("list"), ctx.settings.timeout_s)
        return (result.elapsed_ms, "") if result.ok else (None, result.error_line())

    ready = [runtime for runtime in available(runtimes) if created.get(runtime.name)]
    for runtime in available(runtimes):
        if runtime not in ready:
            for measurement in (state, listing):
                measurement.row(runtime.name).fail(init_rss.row(runtime.name).note)
    interleaved(ready, ctx.settings.rounds, ctx.settings.warmup, one_state, state)
    interleaved(ready, ctx.settings.rounds, ctx.settings.warmup, one_list, listing)
    delete_many(ctx, ready, created)
    floor_init_rss(ctx, floor, init_rss)
    note_unavailable([state, listing, init_rss], runtimes + [floor])
    return [state, listing, init_rss]


def create_many(ctx, runtimes, init_rss):
    """Creates `many` containers per runtime, interleaved; a runtime stops at its first failure."""
    created = {runtime.name: [] for runtime in runtimes}
    failed = set()
    for index in range(ctx.settings.many):
        for runtime in runtimes:
            if runtime.name in failed:
                continue
            container_id = f"{runtime.name}-c-{index}"
            bundle = ctx.bundles.make(container_id)
            pid_file = os.path.join(bundle, "init.pid")
            ctx.containers.track(runtime, container_id)
            result = ctx.spawner.run(runtime.argv("create", "--bundle", bundle, "--pid-file", pid_file, container_id),
                                     ctx.settings.timeout_s)
            if not result.ok:
                ctx.containers.force_delete(runtime, container_id)
                failed.add(runtime.name)
                init_rss.row(runtime.name).fail(f"create #{index}: {result.error_line()}")
                continue
            created[runtime.name].append(container_id)
            init_pid = read_pid(pid_file)
            vmhwm = processes.proc_status_kib(init_pid, "VmHWM") if init_pid else None
            if vmhwm is not None:
                init_rss.row(runtime.name).samples.append(vmhwm)
    return created


def delete_many(ctx, runtimes, created):
    entries = [((runtime.name, container_id), runtime) for runtime in runtimes for container_id in created[runtime.name]]
    ctx.containers.kill_then_delete(entries)


def floor_init_rss(ctx, floor, init_rss):
    """The floor prints its child's VmHWM right before exec (floor -r)."""
    if not floor.available:
        return
    for _ in range(ctx.settings.rounds):
        result = ctx.spawner.run(floor.argv(report_vmhwm=True), ctx.settings.timeout_s)
        marker = [line for line in processes.read_text(ctx.spawner.stderr_path).splitlines()
                  if line.startswith("floor-init-vmhwm-kb ")]
        if not result.ok or not marker:
            init_rss.row(floor.name).fail(result.error_line())
            continue
        init_rss.row(floor.name).samples.append(int(marker[0].split()[1]))
