"""Spawning a runtime command and waiting for it: wall time on a monotonic clock and exit status.

posix_spawn (vfork + exec) rather than subprocess: nothing else (pipes, threads, a copied address space)
runs between the clock readings. Not for peak RSS: see bench/peak-rss.c for why.
"""
import ctypes
import os
import select
import signal
import time
from dataclasses import dataclass

PR_SET_CHILD_SUBREAPER = 36


@dataclass
class Completed:
    argv: list
    status: int          # exit code, 128+signal when killed, 124 when it timed out
    elapsed_ms: float
    stderr: str = ""
    stdout: str = ""

    @property
    def ok(self):
        return self.status == 0

    def error_line(self):
        """The first line a person would want to see when the command failed."""
        if self.status == 124:
            return "timed out"
        for line in (self.stderr + "\n" + self.stdout).splitlines():
            if line.strip():
                return readable(line.strip())[:240]
        return f"exit status {self.status}"


def readable(line):
    """runc logs as logfmt (time=… level=error msg="…"); the message is what matters."""
    marker = 'msg="'
    if marker in line:
        return line.split(marker, 1)[1].rstrip('"').replace('\\"', '"')
    return line


def become_subreaper():
    """Orphaned container processes (inits after `create` exits) are re-parented to us, so we can wait for
    their exit without polling and reap them instead of leaving zombies to whatever pid 1 is."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER)")


class Spawner:
    """Runs commands with stdin from /dev/null, stdout to /dev/null (or a capture file) and stderr to a file."""

    def __init__(self, scratch_dir):
        self.stderr_path = os.path.join(scratch_dir, "last.stderr")
        self.stdout_path = os.path.join(scratch_dir, "last.stdout")

    def start(self, argv, capture_stdout=False, env=None):
        stdout_target = self.stdout_path if capture_stdout else os.devnull
        actions = [
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_OPEN, 1, stdout_target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
            (os.POSIX_SPAWN_OPEN, 2, self.stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
        ]
        return os.posix_spawn(argv[0], argv, env if env is not None else os.environ, file_actions=actions)

    def run(self, argv, timeout_s=30.0, capture_stdout=False, env=None):
        started = time.perf_counter_ns()
        pid = self.start(argv, capture_stdout, env)
        status = wait_with_timeout(pid, timeout_s)
        elapsed_ms = (time.perf_counter_ns() - started) / 1e6
        result = Completed(argv, status, elapsed_ms)
        if status != 0:
            result.stderr = read_text(self.stderr_path)
        if capture_stdout:
            result.stdout = read_text(self.stdout_path)
        return result


def wait_with_timeout(pid, timeout_s):
    """Waits for our child `pid`; kills it (it is ours) when it outlives timeout_s. Returns its exit status."""
    if not wait_for_exit(pid, timeout_s):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        return 124
    _, raw = os.waitpid(pid, 0)
    return exit_code(raw)


def wait_for_exit(pid, timeout_s):
    """True once `pid` has exited (child or not: a pidfd becomes readable at exit), False on timeout."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        return bool(select.select([fd], [], [], timeout_s)[0])
    finally:
        os.close(fd)


def exit_code(raw_status):
    if os.WIFEXITED(raw_status):
        return os.WEXITSTATUS(raw_status)
    if os.WIFSIGNALED(raw_status):
        return 128 + os.WTERMSIG(raw_status)
    return 255


def reap(pid):
    """Reaps `pid` if it became our child (as subreaper); harmless when it did not."""
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


def reap_orphans():
    """Collects every exited child; call only when no spawned command is still being waited for."""
    reaped = 0
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return reaped
        if pid == 0:
            return reaped
        reaped += 1


def living_children():
    """PIDs whose parent is us and that still run: processes a runtime left behind after it exited."""
    me = os.getpid()
    children = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, ppid = fields[0], int(fields[1])
        if ppid == me and state not in ("Z", "X"):
            children.append(int(entry))
    return children


def kill_and_reap(pids):
    """Only ever called with our own children (see living_children)."""
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    for pid in pids:
        reap(pid)


def read_text(path):
    try:
        with open(path, errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def proc_status_kib(pid, field):
    """A kB field of /proc/PID/status (VmHWM, VmRSS), or None when the process is gone."""
    for line in read_text(f"/proc/{pid}/status").splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return None
