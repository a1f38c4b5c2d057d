"""What a test gets: fresh bundles and containers in its own directory, assertions that become TAP lines,
skips for host limits, and cleanup (delete --force, leftover scan, directory removal) when it ends."""
import os
import re
import shutil
import subprocess
import time

from . import leftovers, reaper
from .bundle import Bundle
from .container import Container

ACTIONS = {"sleep", "stderr", "wait-for"}
CHECK_LINE = re.compile(r"^(ok|not ok) (\d+) (.*?)(?: # (.*))?$")


class SkipTest(Exception):
    """Raised for what the host lacks (never for what the runtime lacks)."""


class RunEnvironment:
    """Run-wide state shared by all tests."""

    def __init__(self, runtime, reporter, work_dir, rootfs_template, cgroups, keep_going):
        self.runtime = runtime
        self.reporter = reporter
        self.work_dir = work_dir
        self.rootfs_template = rootfs_template
        self.cgroups = cgroups
        self.keep_going = keep_going
        self.counter = 0
        self.cgroup_prefix = f"conformance-{os.getpid()}-"
        self.fixtures = {}

    def next_number(self) -> int:
        self.counter += 1
        return self.counter


class TestContext:
    def __init__(self, env: RunEnvironment, req):
        self.env = env
        self.req = req
        self.runtime = env.runtime
        self.cgroups = env.cgroups
        self.number = env.next_number()
        self.dir = os.path.join(env.work_dir, f"t{self.number:03d}-{req.id}")
        os.makedirs(self.dir, mode=0o755)
        self.containers: list[Container] = []
        self.bundles: list[Bundle] = []
        self.recorded = 0
        self.cleanup_actions = []

    # ---- assertions ----------------------------------------------------------------------

    def check(self, condition, detail="", reason="") -> bool:
        self.recorded += 1
        if condition:
            self.env.reporter.record(self.req, detail, "pass")
        else:
            self.env.reporter.record(self.req, detail, "fail", reason or "assertion failed")
        return bool(condition)

    def fail(self, detail, reason):
        return self.check(False, detail, reason)

    def skip(self, reason):
        raise SkipTest(reason)

    def note(self, text):
        self.env.reporter.comment(text)

    # ---- bundles and containers ----------------------------------------------------------------

    def bundle(self, name=None, private_copy=False) -> Bundle:
        index = len(self.bundles)
        path = os.path.join(self.dir, name or f"bundle{index}")
        cgroups_path = f"/{self.env.cgroup_prefix}{self.number}-{index}"
        bundle = Bundle(path, self.env.rootfs_template, cgroups_path, private_copy)
        self.bundles.append(bundle)
        return bundle

    def host_dir(self, name) -> str:
        path = os.path.join(self.dir, name)
        os.makedirs(path, mode=0o755, exist_ok=True)
        return path

    def container(self, bundle: Bundle, suffix=None) -> Container:
        cid = f"conf{os.getpid()}-{self.number}-{suffix if suffix is not None else len(self.containers)}"
        container = Container(self.runtime, bundle, cid, os.path.join(self.dir, f"io-{cid}"))
        self.containers.append(container)
        return container

    def create_started(self, bundle: Bundle, detail="container starts", stdin_text=""):
        """Writes the config, creates and starts a container; records a failure (and returns None) if it cannot."""
        bundle.write()
        container = self.container(bundle)
        done = container.create(stdin_text=stdin_text)
        if not done.ok:
            self.fail(detail, f"create failed: {done.describe()}")
            return None
        started = container.start()
        if not started.ok:
            self.fail(detail, f"start failed: {started.describe()}")
            return None
        return container

    def run_to_exit(self, bundle: Bundle, detail="container runs to completion", stdin_text=""):
        container = self.create_started(bundle, detail, stdin_text)
        if container and not container.wait_stopped():
            self.fail(detail, f"container did not stop within the timeout (status {container.status()})")
            return None
        return container

    def run_checks(self, bundle: Bundle, checks, stdin_text="", prefix="", **create_args):
        """Runs /checker with `checks` in a fresh container and records one assertion per check."""
        bundle.set_checks(checks)
        assertions = [c for c in checks if c[0] not in ACTIONS]
        labels = [prefix + " ".join(str(w) for w in c) for c in assertions]
        bundle.write()
        container = self.container(bundle)
        done = container.create(stdin_text=stdin_text, **create_args)
        problem = None
        if not done.ok:
            problem = f"create failed: {done.describe()}"
        else:
            started = container.start()
            if not started.ok:
                problem = f"start failed: {started.describe()}"
            elif not container.wait_stopped():
                problem = "container did not stop within the timeout"
        verdicts = {}
        for line in container.stdout().splitlines():
            m = CHECK_LINE.match(line.strip())
            if m:
                verdicts[int(m.group(2))] = (m.group(1) == "ok", m.group(4) or "")
        if problem is None and not verdicts:
            problem = f"checker printed nothing (stderr: {container.stderr().strip()[-300:] or 'empty'})"
        for index, label in enumerate(labels, start=1):
            if index in verdicts:
                ok, why = verdicts[index]
                self.check(ok, label, why)
            else:
                self.fail(label, problem or "checker printed no result for this check")
        return container

    # ---- host fixtures ------------------------------------------------------------------------

    def host_mount(self, fstype, target, options=None, shared=False):
        """A mount we make on the host (for rbind and propagation tests); unmounted in cleanup."""
        os.makedirs(target, exist_ok=True)
        argv = ["mount", "-t", fstype, fstype, target] + (["-o", options] if options else [])
        subprocess.run(argv, check=True, timeout=10)
        if shared:
            subprocess.run(["mount", "--make-shared", target], check=True, timeout=10)
        self.cleanup_actions.append(lambda: subprocess.run(["umount", target], timeout=10))
        return target

    # ---- cleanup ------------------------------------------------------------------------------

    def finish(self) -> list[str]:
        """Removes everything the test made; returns leftovers it could not account for."""
        pids = [c.pid for c in self.containers if c.pid]
        for container in reversed(self.containers):
            container.force_remove()
        for action in reversed(self.cleanup_actions):
            try:
                action()
            except Exception:  # noqa: BLE001 - cleanup must go on
                pass
        reaper.reap()
        marker = f"/{self.env.cgroup_prefix}{self.number}-"
        found = leftovers.processes([self.dir], marker, pids)
        # A runtime may return from `delete --force` once SIGKILL is sent (crun does): give a dying process a
        # moment to exit and be reaped before it counts as left behind.
        deadline = time.monotonic() + 2
        while found and time.monotonic() < deadline:
            time.sleep(0.05)
            reaper.reap()
            found = leftovers.processes([self.dir], marker, pids)
        found += [f"mount {m}" for m in leftovers.mounts(self.dir)]
        cgroup_dirs = []
        for bundle in self.bundles:
            cgroup_dirs += self.cgroups.all_directories(bundle.cgroups_path)
        found += [f"cgroup {d}" for d in leftovers.cgroup_directories(cgroup_dirs)]
        if not any(f.startswith("mount ") for f in found):
            shutil.rmtree(self.dir, ignore_errors=True)
        return found
