"""(e) N containers started at once: `run` of /bin/true N times concurrently. Wall time from the first spawn
to the last exit, how many failed, and what was left behind (containers still listed, cgroups, processes)."""
import time

from . import processes
from .measurement import Measurement
from .startup import available, note_unavailable


def measure_concurrent(ctx, runtimes, floor):
    count = ctx.settings.concurrent
    wall = Measurement("e", f"{count} containers started concurrently (run /bin/true), wall time", "ms",
                       extra_columns=["failed", "leftovers"])
    participants = available(runtimes) + available([floor])
    for round_number in range(ctx.settings.concurrent_rounds):
        shift = round_number % max(1, len(participants))
        for participant in participants[shift:] + participants[:shift]:
            one_round(ctx, participant, round_number, wall.row(participant.name))
    note_unavailable([wall], runtimes + [floor])
    return [wall]


def one_round(ctx, participant, round_number, row):
    prefix = f"{participant.name}-e{round_number}-"
    commands = []
    for index in range(ctx.settings.concurrent):
        if participant.name == "floor":
            commands.append((None, participant.argv()))
        else:
            container_id = f"{prefix}{index}"
            bundle = ctx.bundles.make(container_id)
            ctx.containers.track(participant, container_id)
            commands.append((container_id, participant.argv("run", "--bundle", bundle, container_id)))

    started = time.perf_counter_ns()
    pids = [(container_id, ctx.spawner.start(argv)) for container_id, argv in commands]
    deadline = time.monotonic() + ctx.settings.timeout_s * 2
    statuses = []
    for container_id, pid in pids:
        status = processes.wait_with_timeout(pid, max(0.1, deadline - time.monotonic()))
        statuses.append((container_id, status))
    elapsed_ms = (time.perf_counter_ns() - started) / 1e6

    failed = sum(1 for _, status in statuses if status != 0)
    error = first_error(ctx) if failed else ""   # before `list` below reuses the stderr file
    leftovers, problem = count_leftovers(ctx, participant, prefix)
    for container_id, status in statuses:
        if container_id is None:
            continue
        if status == 0:
            ctx.containers.forget(participant, container_id)
        else:
            ctx.containers.force_delete(participant, container_id)
    if failed < len(statuses):      # a round where nothing started says nothing about start-up time
        row.samples.append(elapsed_ms)
    row.extra["failed"] = row.extra.get("failed", 0) + failed
    row.extra["leftovers"] = row.extra.get("leftovers", 0) + leftovers
    for remark in (f"first failure: {error}" if failed else "", problem):
        if remark and remark.split(":")[0] not in row.note:
            row.note = f"{row.note}; {remark}" if row.note else remark


def count_leftovers(ctx, participant, prefix):
    """After every `run` returned: containers the runtime still lists, cgroups still there, processes alive.
    Returns (count, problem); problem says when the count is incomplete."""
    leftovers, problem = 0, ""
    if participant.name != "floor":
        listed = ctx.spawner.run(participant.argv("list", "--quiet"), ctx.settings.timeout_s, capture_stdout=True)
        if listed.ok:
            leftovers += sum(1 for line in listed.stdout.splitlines() if line.startswith(prefix))
        else:
            problem = f"leftovers not counted from list --quiet: {listed.error_line()}"
        leftovers += len(ctx.leftover_cgroups(prefix))
    alive = processes.living_children()
    leftovers += len(alive)
    processes.kill_and_reap(alive)
    processes.reap_orphans()
    return leftovers, problem


def first_error(ctx):
    """The stderr file is shared by the concurrent commands; whatever is in it is one of their errors."""
    text = processes.read_text(ctx.spawner.stderr_path).strip()
    return text.splitlines()[0][:200] if text else "non-zero exit status"
