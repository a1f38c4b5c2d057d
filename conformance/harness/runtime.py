"""The runtime under test, driven only through the runc command-line contract:
`--root DIR` then create --bundle B [--pid-file F] ID | start ID | state ID | kill ID SIG | delete [--force] ID."""
import json

from . import process

TIMEOUT_CREATE = 30
TIMEOUT_SHORT = 15


class RuntimeCLI:
    def __init__(self, path: str, state_root: str):
        self.path = path
        self.state_root = state_root

    def _argv(self, *args):
        return [self.path, "--root", self.state_root, *args]

    def create(self, container_id, bundle, pid_file=None, stdin=None, stdout=None, stderr=None, umask=None, oom_score_adj=None, timeout=TIMEOUT_CREATE):
        args = ["create", "--bundle", bundle]
        if pid_file:
            args += ["--pid-file", pid_file]
        args.append(container_id)
        return process.run(self._argv(*args), timeout, stdin=stdin, stdout=stdout, stderr=stderr, umask=umask, oom_score_adj=oom_score_adj)

    def start(self, container_id, timeout=TIMEOUT_SHORT):
        return process.run(self._argv("start", container_id), timeout)

    def state(self, container_id, timeout=TIMEOUT_SHORT):
        """(completed call, parsed state or None)."""
        done = process.run(self._argv("state", container_id), timeout)
        parsed = None
        if done.ok:
            try:
                parsed = json.loads(done.stdout)
            except ValueError:
                parsed = None
        return done, parsed

    def kill(self, container_id, signal="TERM", timeout=TIMEOUT_SHORT):
        return process.run(self._argv("kill", container_id, str(signal)), timeout)

    def delete(self, container_id, force=False, timeout=TIMEOUT_CREATE):
        args = ["delete"] + (["--force"] if force else []) + [container_id]
        return process.run(self._argv(*args), timeout)

    def raw(self, *args, timeout=TIMEOUT_SHORT):
        """Any other invocation (e.g. an operation missing its container id)."""
        return process.run(self._argv(*args), timeout)
