"""Where each cgroup controller lives on this host (v1 hierarchy or the v2 unified one) and how to read a
process's limit files from the host, wherever the controller is mounted (hosts may be v1, v2 or hybrid)."""
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class ControllerMount:
    controller: str
    version: int  # 1 or 2
    mountpoint: str
    root: str  # the mount's root inside the hierarchy (usually "/")


def _mountinfo():
    with open("/proc/self/mountinfo") as f:
        for line in f:
            left, _, right = line.partition(" - ")
            fields, tail = left.split(), right.split()
            if len(fields) >= 5 and len(tail) >= 3:
                yield fields[3], fields[4].replace("\\040", " "), tail[0], tail[2].split(",")


class HostCgroups:
    def __init__(self):
        self.v1: dict[str, ControllerMount] = {}
        self.v2: ControllerMount | None = None
        self.v2_controllers: set[str] = set()
        for root, point, fstype, superopts in _mountinfo():
            if fstype == "cgroup":
                for opt in superopts:
                    if opt not in ("rw", "ro") and not opt.startswith(("release_agent", "clone_children", "xattr", "noprefix")):
                        name = opt[5:] if opt.startswith("name=") else opt
                        self.v1.setdefault(name, ControllerMount(name, 1, point, root))
            elif fstype == "cgroup2" and self.v2 is None:
                self.v2 = ControllerMount("", 2, point, root)
        if self.v2:
            try:
                with open(os.path.join(self.v2.mountpoint, "cgroup.controllers")) as f:
                    self.v2_controllers = set(f.read().split())
            except OSError:
                pass

    def locate(self, controller: str) -> ControllerMount | None:
        """The mount that serves `controller`: its v1 hierarchy, else v2 when v2 has it enabled."""
        if controller in self.v1:
            return self.v1[controller]
        if self.v2 and controller in self.v2_controllers:
            return ControllerMount(controller, 2, self.v2.mountpoint, self.v2.root)
        return None

    def describe(self, controller: str) -> str:
        where = self.locate(controller)
        return f"{controller}: not mounted" if where is None else f"{controller}: cgroup v{where.version} at {where.mountpoint}"

    def process_path(self, pid: int, controller: str) -> str | None:
        """The cgroup of `pid` in the hierarchy serving `controller`, from /proc/PID/cgroup."""
        where = self.locate(controller)
        if where is None:
            return None
        try:
            with open(f"/proc/{pid}/cgroup") as f:
                lines = f.read().splitlines()
        except OSError:
            return None
        for line in lines:
            _, controllers, path = line.split(":", 2)
            if where.version == 2 and controllers == "":
                return path
            if where.version == 1 and controller in [c[5:] if c.startswith("name=") else c for c in controllers.split(",")]:
                return path
        return None

    def directory(self, controller: str, cgroup_path: str) -> str | None:
        """Host directory of a cgroup path (as /proc/PID/cgroup or cgroupsPath gives it) for `controller`."""
        where = self.locate(controller)
        if where is None:
            return None
        relative = cgroup_path
        if where.root != "/" and relative.startswith(where.root):
            relative = relative[len(where.root):]
        return os.path.join(where.mountpoint, relative.lstrip("/"))

    def all_directories(self, cgroup_path: str) -> list[str]:
        """Every host directory a cgroup path could occupy, one per mounted hierarchy."""
        dirs = [self.directory(name, cgroup_path) for name in self.v1]
        if self.v2:
            dirs.append(os.path.join(self.v2.mountpoint, cgroup_path.lstrip("/")))
        return sorted(set(d for d in dirs if d))
