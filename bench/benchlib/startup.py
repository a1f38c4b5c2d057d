"""(a) `run` of /bin/true, (b) create → start → wait for exit → delete, (d) `exec` into a running container."""
import os
import time

from . import processes
from .measurement import Measurement, interleaved


def measure_run(ctx, runtimes, floor):
    """(a) the whole foreground run, from spawning the runtime to its exit."""
    timing = Measurement("a", "run /bin/true", "ms")

    def one_run(participant, round_number):
        if participant is floor:
            result = ctx.spawner.run(floor.argv(), ctx.settings.timeout_s)
        else:
            container_id = f"{participant.name}-a-{round_number}"
            bundle = ctx.bundles.make(container_id)
            ctx.containers.track(participant, container_id)
            result = ctx.spawner.run(participant.argv("run", "--bundle", bundle, container_id), ctx.settings.timeout_s)
            if result.ok:
                ctx.containers.forget(participant, container_id)
            else:
                ctx.containers.force_delete(participant, container_id)
        if not result.ok:
            return None, result.error_line()
        return result.elapsed_ms, ""

    interleaved(available(runtimes) + available([floor]), ctx.settings.rounds, ctx.settings.warmup, one_run, timing)
    note_unavailable([timing], runtimes + [floor])
    return [timing]


def measure_lifecycle(ctx, runtimes):
    """(b) what an engine does, waiting for the container's exit through a pidfd."""
    timing = Measurement("b", "create + start + wait for exit + delete", "ms")

    def one_run(runtime, round_number):
        container_id = f"{runtime.name}-b-{round_number}"
        bundle = ctx.bundles.make(container_id)
        pid_file = os.path.join(bundle, "init.pid")
        ctx.containers.track(runtime, container_id)
        error, elapsed_ms = lifecycle_once(ctx, runtime, container_id, bundle, pid_file)
        if error:
            ctx.containers.force_delete(runtime, container_id)
            return None, error
        ctx.containers.forget(runtime, container_id)
        return elapsed_ms, ""

    interleaved(available(runtimes), ctx.settings.rounds, ctx.settings.warmup, one_run, timing)
    note_unavailable([timing], runtimes)
    return [timing]


def lifecycle_once(ctx, runtime, container_id, bundle, pid_file):
    """Returns (error, elapsed ms); error is "" on success."""
    spawn, timeout = ctx.spawner, ctx.settings.timeout_s
    started = time.perf_counter_ns()
    create = spawn.run(runtime.argv("create", "--bundle", bundle, "--pid-file", pid_file, container_id), timeout)
    if not create.ok:
        return f"create: {create.error_line()}", 0
    init_pid = read_pid(pid_file)
    if init_pid is None:
        return f"create wrote no pid file {pid_file}", 0
    start = spawn.run(runtime.argv("start", container_id), timeout)
    if not start.ok:
        return f"start: {start.error_line()}", 0
    if not processes.wait_for_exit(init_pid, timeout):
        return f"container init {init_pid} still running after {timeout}s", 0
    processes.reap(init_pid)   # as the subreaper we are its parent now, like an engine's shim
    delete = spawn.run(runtime.argv("delete", container_id), timeout)
    if not delete.ok:
        return f"delete: {delete.error_line()}", 0
    return "", (time.perf_counter_ns() - started) / 1e6


def measure_exec(ctx, runtimes):
    """(d) `exec /bin/true` into a running `sleep` container, one container per runtime."""
    timing = Measurement("d", "exec /bin/true into a running container", "ms")
    ready = []
    for runtime in available(runtimes):
        container_id = f"{runtime.name}-d"
        error = start_sleeper(ctx, runtime, container_id)
        if error:
            timing.row(runtime.name).fail(error)
        else:
            ready.append(runtime)

    def one_run(runtime, round_number):
        result = ctx.spawner.run(runtime.argv("exec", f"{runtime.name}-d", "/bin/true"), ctx.settings.timeout_s)
        return (result.elapsed_ms, "") if result.ok else (None, result.error_line())

    interleaved(ready, ctx.settings.rounds, ctx.settings.warmup, one_run, timing)
    ctx.containers.kill_then_delete([((runtime.name, f"{runtime.name}-d"), runtime) for runtime in ready])
    note_unavailable([timing], runtimes)
    return [timing]


def start_sleeper(ctx, runtime, container_id):
    bundle = ctx.bundles.make(container_id, args=("/bin/sleep", "1000"))
    ctx.containers.track(runtime, container_id)
    for command in (("create", "--bundle", bundle, container_id), ("start", container_id)):
        result = ctx.spawner.run(runtime.argv(*command), ctx.settings.timeout_s)
        if not result.ok:
            ctx.containers.force_delete(runtime, container_id)
            return f"{command[0]}: {result.error_line()}"
    return ""


def read_pid(path):
    try:
        with open(path) as f:
            return int(f.read().strip())
    except (OSError, ValueError):
        return None


def available(participants):
    return [p for p in participants if p.available]


def note_unavailable(measurements, participants):
    for participant in participants:
        if not participant.available:
            for measurement in measurements:
                measurement.mark_unavailable(participant.name, participant.unavailable)
