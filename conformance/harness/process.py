"""Bounded subprocess calls: every call has a timeout and a hung process group is killed, never waited on forever."""
import os
import signal
import subprocess
import tempfile
from dataclasses import dataclass


@dataclass
class Completed:
    argv: list
    returncode: int  # -1 when it timed out
    stdout: str
    stderr: str
    timed_out: bool

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out

    def describe(self) -> str:
        """One line for a failure reason: what ran, how it ended, what it said."""
        how = "timed out" if self.timed_out else f"exit {self.returncode}"
        said = (self.stderr.strip() or self.stdout.strip()).splitlines()
        tail = said[-1][:300] if said else "(no output)"
        return f"`{' '.join(os.path.basename(a) if i == 0 else a for i, a in enumerate(self.argv))}` {how}: {tail}"


def run(argv, timeout: float, stdin=None, stdout=None, stderr=None, cwd=None, env=None, umask=None, oom_score_adj=None) -> Completed:
    """Runs argv in its own session. stdout/stderr default to temporary files (not pipes: a daemon that
    keeps a pipe open would make us wait for EOF). Pass open files to route the streams elsewhere."""
    own_out = stdout is None
    own_err = stderr is None
    out = tempfile.TemporaryFile() if own_out else stdout
    err = tempfile.TemporaryFile() if own_err else stderr

    def prepare_child():
        # The runtime inherits these from its caller; tests use them to see whether the container keeps them.
        if umask is not None:
            os.umask(umask)
        if oom_score_adj is not None:
            with open("/proc/self/oom_score_adj", "w") as f:
                f.write(str(oom_score_adj))

    try:
        proc = subprocess.Popen(
            argv,
            stdin=stdin if stdin is not None else subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            cwd=cwd,
            env=env,
            start_new_session=True,
            preexec_fn=prepare_child if umask is not None or oom_score_adj is not None else None,
        )
    except OSError as e:
        return Completed(list(argv), 127, "", f"cannot execute: {e}", False)
    timed_out = False
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
    return Completed(list(argv), -1 if timed_out else proc.returncode, _drain(out) if own_out else "", _drain(err) if own_err else "", timed_out)


def _drain(f) -> str:
    f.seek(0)
    data = f.read().decode(errors="replace")
    f.close()
    return data
