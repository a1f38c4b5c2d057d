"""(g) The smallest linux.resources.memory.limit under which `run /bin/true` still succeeds, on the host's
cgroup v1 memory controller, found by bisection. swiftlet against runc only (crun refuses this host).

A probe at limit L succeeds when `run` exits 0 (repeated `probes` times, all must succeed). The runtimes step
through the bisection in lockstep, so both see the same host state at each step. Near the boundary a start
succeeds only sometimes (kernel and page-cache charges vary), so the reported limit is the smallest one, from
the boundary up in 2.5 % steps, that starts `confirmations` times in a row; the raw boundary is shown beside it.
"""
from . import processes
from .measurement import Measurement

PAGE = 4096


def measure_memory_floor(ctx, runtimes, low=0, high=256 << 20, granularity=PAGE, probes=1, confirmations=3):
    result = Measurement("g", "smallest memory.limit under which run /bin/true starts (cgroup v1, host)", "KiB",
                         extra_columns=["boundary", "fails at"])
    searches = {}
    for runtime in runtimes:
        if not runtime.available:
            result.mark_unavailable(runtime.name, runtime.unavailable)
            continue
        ok, error = probe(ctx, runtime, high, probes, "top")
        if not ok:
            result.row(runtime.name).fail(f"does not start even at {high >> 20} MiB: {error}")
            continue
        searches[runtime.name] = {"runtime": runtime, "low": low, "high": high, "error": ""}

    step = 0
    while any(s["high"] - s["low"] > granularity for s in searches.values()):
        step += 1
        for search in searches.values():
            if search["high"] - search["low"] <= granularity:
                continue
            middle = (search["low"] + search["high"]) // 2 // PAGE * PAGE
            ok, error = probe(ctx, search["runtime"], middle, probes, f"s{step}")
            if ok:
                search["high"] = middle
            else:
                search["low"], search["error"] = middle, error

    for name, search in searches.items():
        row = result.row(name)
        reliable = smallest_reliable(ctx, search["runtime"], search["high"], confirmations)
        if reliable is None:
            row.fail(f"no limit within 40 steps of 2.5 % above the boundary started {confirmations} times in a row")
        else:
            row.samples.append(reliable // 1024)
        row.extra["boundary"] = kib(search["high"])
        row.extra["fails at"] = kib(search["low"]) if search["low"] else "—"
        if search["error"] and not row.note:
            row.note = f"below the boundary: {search['error']}"
    return [result]


def smallest_reliable(ctx, runtime, start, confirmations, steps=40):
    candidate = start
    for step in range(steps):
        if all(probe(ctx, runtime, candidate, 1, f"r{step}-{index}")[0] for index in range(confirmations)):
            return candidate
        candidate = (candidate * 1025 // 1000 + PAGE - 1) // PAGE * PAGE
    return None


def kib(limit_bytes):
    return f"{limit_bytes // 1024} KiB"


def probe(ctx, runtime, limit, repeats, tag):
    for attempt in range(repeats):
        container_id = f"{runtime.name}-g-{tag}-{attempt}-{limit // PAGE}"
        bundle = ctx.bundles.make(container_id, memory_limit=limit)
        ctx.containers.track(runtime, container_id)
        outcome = ctx.spawner.run(runtime.argv("run", "--bundle", bundle, container_id), ctx.settings.timeout_s)
        if outcome.ok:
            ctx.containers.forget(runtime, container_id)
        else:
            error = outcome.error_line()
            ctx.containers.force_delete(runtime, container_id)   # a failed run may leave state or processes
            processes.kill_and_reap(processes.living_children())
            processes.reap_orphans()
        ctx.remove_container_cgroups(container_id)
        if not outcome.ok:
            return False, error
    return True, ""
