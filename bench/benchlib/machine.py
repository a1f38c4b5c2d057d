"""The machine description that heads RESULTS.md: enough to judge whether two result files compare."""
import datetime
import os
import platform

from .processes import read_text


def describe(runtimes, floor_binary, settings):
    meminfo = dict(line.split(":", 1) for line in read_text("/proc/meminfo").splitlines() if ":" in line)
    cpu_models = [line.split(":", 1)[1].strip() for line in read_text("/proc/cpuinfo").splitlines()
                  if line.startswith("model name")]
    os_name = next((line.split("=", 1)[1].strip('"') for line in read_text("/etc/os-release").splitlines()
                    if line.startswith("PRETTY_NAME=")), "unknown")
    lines = [
        ("date", datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
        ("cpus (nproc)", f"{os.cpu_count()}" + (f" × {cpu_models[0]}" if cpu_models else "")),
        ("memory", meminfo.get("MemTotal", "unknown").strip()),
        ("kernel", platform.release()),
        ("os", os_name),
        ("cgroups", cgroup_mode()),
        ("load average", " / ".join(read_text("/proc/loadavg").split()[:3]) + " (1, 5, 15 min, when the report was made)"),
    ]
    for runtime in runtimes:
        lines.append((runtime.name, f"{runtime.version()} ({runtime.binary})"))
    lines.append(("floor", f"bench/floor.c, gcc -O2 -static ({floor_binary})"))
    lines.append(("settings", f"{settings.rounds} recorded runs after {settings.warmup} warm-up runs per runtime; "
                              f"{settings.many} containers for state/list; {settings.concurrent} concurrent × "
                              f"{settings.concurrent_rounds} rounds"))
    return lines


def cgroup_mode():
    if os.path.exists("/sys/fs/cgroup/cgroup.controllers"):
        return "cgroup2 (unified)"
    if os.path.isdir("/sys/fs/cgroup/unified"):
        return "hybrid (v1 controllers, cgroup2 at /sys/fs/cgroup/unified)"
    return "cgroup v1"
