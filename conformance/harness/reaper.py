"""The runner is a child subreaper: container processes orphaned by the runtime's create become our children,
so we reap them (a zombie would look alive to a runtime that only probes the pid) and learn how they ended."""
import ctypes
import os

PR_SET_CHILD_SUBREAPER = 36
exit_statuses: dict[int, int] = {}


def become_subreaper() -> bool:
    libc = ctypes.CDLL(None, use_errno=True)
    return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0


def reap():
    """Collects every exited child. Call only while no subprocess.Popen is waiting (the runner is sequential)."""
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        exit_statuses[pid] = status
