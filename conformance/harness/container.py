"""One container of the runtime under test, with its stdio routed to files and every wait bounded."""
import os
import time

from . import reaper


class Container:
    def __init__(self, runtime, bundle, container_id: str, io_dir: str):
        self.runtime = runtime
        self.bundle = bundle
        self.id = container_id
        self.io_dir = io_dir
        os.makedirs(io_dir, exist_ok=True)
        self.stdin_path = os.path.join(io_dir, "stdin")
        self.stdout_path = os.path.join(io_dir, "stdout")
        self.stderr_path = os.path.join(io_dir, "stderr")
        self.pid_file = os.path.join(io_dir, "pid")
        self.pid: int | None = None
        self.created = False

    def create(self, stdin_text: str = "", umask=None, oom_score_adj=None, pid_file=True):
        """create with the container's stdio on files; the runtime's own messages land in the stderr file too."""
        with open(self.stdin_path, "w") as f:
            f.write(stdin_text)
        with open(self.stdin_path, "rb") as stdin, open(self.stdout_path, "ab") as out, open(self.stderr_path, "ab") as err:
            done = self.runtime.create(self.id, self.bundle.path, pid_file=self.pid_file if pid_file else None,
                                       stdin=stdin, stdout=out, stderr=err, umask=umask, oom_score_adj=oom_score_adj)
        done.stderr = self.stderr()
        done.stdout = self.stdout()
        self.created = True  # even a failed create may have left something behind: always clean up
        if done.ok:
            self.pid = self._read_pid()
        return done

    def _read_pid(self):
        try:
            with open(self.pid_file) as f:
                return int(f.read().strip())
        except (OSError, ValueError):
            state = self.state()
            return state.get("pid") if state else None

    def start(self):
        return self.runtime.start(self.id)

    def kill(self, signal="KILL"):
        return self.runtime.kill(self.id, signal)

    def delete(self, force=False):
        return self.runtime.delete(self.id, force=force)

    def state(self) -> dict | None:
        return self.runtime.state(self.id)[1]

    def status(self) -> str | None:
        state = self.state()
        return state.get("status") if state else None

    def wait_status(self, wanted, timeout=10.0) -> dict | None:
        """Polls `state` until its status is in `wanted`; returns the last state seen (None if state failed)."""
        wanted = {wanted} if isinstance(wanted, str) else set(wanted)
        deadline = time.monotonic() + timeout
        delay = 0.01
        while True:
            reaper.reap()
            state = self.state()
            if state is None or state.get("status") in wanted or time.monotonic() > deadline:
                return state
            time.sleep(delay)
            delay = min(delay * 2, 0.1)

    def wait_stopped(self, timeout=15.0) -> bool:
        state = self.wait_status("stopped", timeout)
        return bool(state) and state.get("status") == "stopped"

    def exit_status(self) -> int | None:
        """The raw wait status of the container process, when it was reparented to us and reaped."""
        reaper.reap()
        return reaper.exit_statuses.get(self.pid) if self.pid else None

    def stdout(self) -> str:
        return _read(self.stdout_path)

    def stderr(self) -> str:
        return _read(self.stderr_path)

    def pid_alive(self) -> bool:
        reaper.reap()
        if not self.pid:
            return False
        try:
            with open(f"/proc/{self.pid}/stat") as f:
                return f.read().rsplit(")", 1)[-1].split()[0] != "Z"
        except OSError:
            return False

    def force_remove(self):
        """Cleanup, whatever state the container is in: delete --force, then plain delete after a kill."""
        if not self.created:
            return
        done = self.runtime.delete(self.id, force=True)
        if not done.ok and self.runtime.state(self.id)[0].ok:
            self.runtime.kill(self.id, "KILL")
            self.wait_status("stopped", 5)
            self.runtime.delete(self.id)
        reaper.reap()


def _read(path: str) -> str:
    try:
        with open(path, "rb") as f:
            return f.read().decode(errors="replace")
    except OSError:
        return ""
