"""The runtimes under test, each with its own state root, and the C floor beside them.

Every runtime is driven through runc's command line (`--root R create|start|state|list|exec|delete|run`), so
swiftlet is just a third path. A runtime that cannot run a container yet is kept, marked unavailable with the
reason, and its rows say so.
"""
import os
import subprocess
from dataclasses import dataclass, field

ORDER = ("swiftlet", "crun", "runc", "floor")


@dataclass
class Runtime:
    name: str
    binary: str
    root: str                                   # --root: a state directory of our own
    extra_global_args: list = field(default_factory=list)
    unavailable: str = ""                       # why it cannot take part, empty when it can

    @property
    def available(self):
        return not self.unavailable

    def argv(self, *command):
        return [self.binary, "--root", self.root, *self.extra_global_args, *command]

    def version(self):
        if not os.access(self.binary, os.X_OK):
            return "not found"
        try:
            out = subprocess.run([self.binary, "--version"], capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired) as error:
            return f"unknown ({error})"
        first = (out.stdout or out.stderr).strip().splitlines()
        if out.returncode != 0:
            return f"unknown (--version exited {out.returncode}" + (f": {first[0]})" if first else ")")
        return first[0] if first else "unknown (--version printed nothing)"


@dataclass
class Floor:
    """bench/floor.c: clone + mounts + pivot_root + exec, no runtime around it."""
    name: str
    binary: str
    rootfs: str
    unavailable: str = ""

    @property
    def available(self):
        return not self.unavailable

    def argv(self, report_vmhwm=False):
        return [self.binary, *(["-r"] if report_vmhwm else []), self.rootfs, "/bin/true"]


def make_runtimes(paths, state_dir, in_cgroup2_namespace):
    """paths: {name: binary}. Inside the cgroup2 namespace crun's cgroup manager is off (it refuses this host)."""
    runtimes = []
    for name in ("swiftlet", "crun", "runc"):
        binary = paths[name]
        root = os.path.join(state_dir, f"root-{name}")
        os.makedirs(root, exist_ok=True)
        extra = ["--cgroup-manager=disabled"] if name == "crun" and in_cgroup2_namespace else []
        runtime = Runtime(name, binary, root, extra)
        if not os.access(binary, os.X_OK):
            runtime.unavailable = f"binary {binary} not found (not built yet?)"
        runtimes.append(runtime)
    return runtimes

