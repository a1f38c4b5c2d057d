"""What a container can leave behind on the host: processes, mounts and cgroup directories."""
import os


def _read(path: str) -> str:
    try:
        with open(path, "rb") as f:
            return f.read().decode(errors="replace")
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    stat = _read(f"/proc/{pid}/stat")
    if not stat:
        return False
    state = stat.rsplit(")", 1)[-1].split()[0:1]
    return state != ["Z"]


def processes(markers: list[str], cgroup_marker: str, pids=()) -> list[str]:
    """Live processes that mention a marker path in their command line, sit in a cgroup whose path contains
    `cgroup_marker`, or are among `pids`."""
    found = []
    own = os.getpid()
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == own:
            continue
        pid = int(entry)
        if not _alive(pid):
            continue
        cmdline = _read(f"/proc/{pid}/cmdline").replace("\0", " ").strip()
        cgroups = _read(f"/proc/{pid}/cgroup")
        if pid in pids or any(m in cmdline for m in markers) or (cgroup_marker and cgroup_marker in cgroups):
            found.append(f"pid {pid} ({cmdline[:120] or '?'})")
    return found


def mounts(marker: str) -> list[str]:
    """Mount points (in our mount namespace) at or below `marker`."""
    found = []
    for line in _read("/proc/self/mountinfo").splitlines():
        fields = line.split()
        if len(fields) > 4:
            point = fields[4].replace("\\040", " ")
            if point == marker or point.startswith(marker.rstrip("/") + "/"):
                found.append(point)
    return found


def cgroup_directories(directories: list[str]) -> list[str]:
    return [d for d in directories if os.path.isdir(d)]
