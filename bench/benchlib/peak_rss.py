"""(f) The runtime side of memory: ru_maxrss of `run` and of `create`, read through bench/peak-rss.c.

ru_maxrss is the largest single process among the runtime and the descendants it waited for — a maximum,
not a sum. For `run` that includes the container's init before it exec'd (the runtime reaps it); for
`create` it does not (the init outlives `create`): that side is measured in /proc by many_containers.py.
"""
import os

from . import processes
from .measurement import Measurement, interleaved
from .startup import available, note_unavailable

RSS_ROUNDS = 5


def measure_runtime_rss(ctx, runtimes, floor, peak_rss_binary):
    run_rss = Measurement("f-run", "peak RSS of `run` (largest process the runtime waited for)", "KiB")
    create_rss = Measurement("f-create", "peak RSS of `create` (largest process the runtime waited for)", "KiB")
    out_file = os.path.join(os.path.dirname(ctx.spawner.stderr_path), "peak-rss.out")
    rounds = min(ctx.settings.rounds, RSS_ROUNDS)

    def measured(argv):
        result = ctx.spawner.run([peak_rss_binary, out_file, *argv], ctx.settings.timeout_s)
        if not result.ok:
            return None, result.error_line()
        text = processes.read_text(out_file).strip()
        return (int(text), "") if text.isdigit() else (None, "peak-rss wrote nothing")

    def one_run(participant, round_number):
        if participant is floor:
            return measured(floor.argv())
        container_id = f"{participant.name}-frun-{round_number}"
        ctx.containers.track(participant, container_id)
        value, error = measured(participant.argv("run", "--bundle", ctx.bundles.make(container_id), container_id))
        if value is None:
            ctx.containers.force_delete(participant, container_id)
        else:
            ctx.containers.forget(participant, container_id)
        return value, error

    def one_create(runtime, round_number):
        container_id = f"{runtime.name}-fcreate-{round_number}"
        ctx.containers.track(runtime, container_id)
        value, error = measured(runtime.argv("create", "--bundle", ctx.bundles.make(container_id), container_id))
        ctx.containers.kill_then_delete([((runtime.name, container_id), runtime)])
        return value, error

    interleaved(available(runtimes) + available([floor]), rounds, 1, one_run, run_rss)
    interleaved(available(runtimes), rounds, 1, one_create, create_rss)
    note_unavailable([run_rss], runtimes + [floor])
    note_unavailable([create_rss], runtimes)
    return [run_rss, create_rss]
