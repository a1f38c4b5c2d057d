"""config.md "POSIX-platform Hooks" and runtime.md "Lifecycle" steps 3-9 and 13: when hooks run, in which
namespace, with what on stdin, and what their failure does. Every hook appends one line to a log:
name, net ns, mnt ns, its arguments, whether the program's marker existed, and the state it read."""
import os
import time

from harness.requirement import requirement

from .support import make_sleeper, parse_json, wait_for_file, write_script

HOOK_SCRIPT = """#!/bin/sh
state=$(cat | tr '\\n' ' ')
marker=absent
[ -e "$HOOK_MARKER" ] && marker=present
printf '%s\\t%s\\t%s\\t%s\\t%s\\t%s\\n' "$HOOK_NAME" "$(readlink /proc/self/ns/net)" "$(readlink /proc/self/ns/mnt)" "$*" "$marker" "$state" >> "$HOOK_LOG"
[ -n "$HOOK_SLEEP" ] && exec sleep "$HOOK_SLEEP"
exit "${HOOK_EXIT:-0}"
"""
IN_CONTAINER_SCRIPT = "/conformance-hook"
IN_CONTAINER_LOG_DIR = "/hooklog"
CREATE_PHASE = ["prestart", "createRuntime", "createContainer"]
ALL = CREATE_PHASE + ["startContainer", "poststart", "poststop"]


class HookedBundle:
    """A bundle whose process touches /program-ran then sleeps, with logging hooks."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.log_dir = ctx.host_dir("hooklog")
        self.log = os.path.join(self.log_dir, "log")
        self.script = write_script(os.path.join(ctx.dir, "hook.sh"), HOOK_SCRIPT)
        self.bundle = ctx.bundle()
        self.bundle.config["process"]["args"] = ["sh", "-c", "touch /program-ran; exec sleep 120"]
        self.bundle.write_file(IN_CONTAINER_SCRIPT, HOOK_SCRIPT, 0o755)
        self.bundle.add_mount(IN_CONTAINER_LOG_DIR, "none", self.log_dir, ["rbind", "rw"])
        self.bundle.config["hooks"] = {}

    def add(self, kind, name=None, exit_code=0, sleep=None, timeout=None, args=(), path=None):
        inside = kind == "startContainer"
        env = ["PATH=/usr/sbin:/usr/bin:/sbin:/bin", f"HOOK_NAME={name or kind}", f"HOOK_EXIT={exit_code}",
               f"HOOK_LOG={IN_CONTAINER_LOG_DIR + '/log' if inside else self.log}",
               f"HOOK_MARKER={'/program-ran' if inside else self.bundle.in_rootfs('/program-ran')}"]
        if sleep:
            env.append(f"HOOK_SLEEP={sleep}")
        hook_path = path or (IN_CONTAINER_SCRIPT if inside else self.script)
        hook = {"path": hook_path, "args": [hook_path, *args], "env": env}
        if timeout:
            hook["timeout"] = timeout
        self.bundle.config["hooks"].setdefault(kind, []).append(hook)
        return hook

    def entries(self):
        """[(name, netns, mntns, args, marker, state dict or None)] in call order."""
        rows = []
        try:
            with open(self.log) as f:
                for line in f:
                    parts = line.rstrip("\n").split("\t")
                    if len(parts) >= 6:
                        rows.append((parts[0], parts[1], parts[2], parts[3], parts[4], parse_json(parts[5])))
        except OSError:
            pass
        return rows

    def names(self):
        return [row[0] for row in self.entries()]

    def create(self):
        self.bundle.write()
        self.container = self.ctx.container(self.bundle)
        return self.container.create()


def _all_hooks(ctx):
    hooked = HookedBundle(ctx)
    for kind in ALL:
        hooked.add(kind)
    return hooked


def _run_lifecycle(ctx, hooked):
    """create, start, kill, delete; returns the hook names seen after each step (None if a step failed)."""
    seen = {}
    done = hooked.create()
    if not ctx.check(done.ok, "create succeeds", done.describe()):
        return None
    seen["create"] = hooked.names()
    started = hooked.container.start()
    if not ctx.check(started.ok, "start succeeds", started.describe()):
        return None
    seen["start"] = hooked.names()
    hooked.container.kill("KILL")
    hooked.container.wait_stopped()
    seen["stopped"] = hooked.names()
    deleted = hooked.container.delete()
    ctx.check(deleted.ok, "delete succeeds", deleted.describe())
    seen["delete"] = hooked.names()
    return seen


@requirement("config.hooks.create-phase", "config.md", "CreateRuntime Hooks", "MUST", "prestart, createRuntime and createContainer hooks run during create")
def create_phase(ctx):
    # runc 1.1 runs poststart hooks at the end of create, not start: a real deviation.
    seen = _run_lifecycle(ctx, _all_hooks(ctx))
    if seen:
        ctx.check(seen["create"] == CREATE_PHASE, "exactly the create-phase hooks ran by the time create returned", f"after create: {seen['create']}")


@requirement("config.hooks.prestart-first", "config.md", "Prestart", "MUST", "prestart hooks are called before createRuntime hooks")
def prestart_first(ctx):
    seen = _run_lifecycle(ctx, _all_hooks(ctx))
    if seen:
        names = seen["create"]
        ok = "prestart" in names and "createRuntime" in names and names.index("prestart") < names.index("createRuntime")
        ctx.check(ok, "prestart before createRuntime", f"order {names}")


@requirement("config.hooks.create-container-after", "config.md", "CreateContainer Hooks", "MUST", "createContainer hooks are called after createRuntime hooks")
def create_container_after(ctx):
    seen = _run_lifecycle(ctx, _all_hooks(ctx))
    if seen:
        names = seen["create"]
        ok = "createContainer" in names and "createRuntime" in names and names.index("createRuntime") < names.index("createContainer")
        ctx.check(ok, "createRuntime before createContainer", f"order {names}")


@requirement("config.hooks.start-container", "config.md", "StartContainer Hooks", "MUST", "startContainer hooks run during start, before the user program")
def start_container(ctx):
    hooked = _all_hooks(ctx)
    seen = _run_lifecycle(ctx, hooked)
    if seen:
        ctx.check("startContainer" not in seen["create"], "not run by create", f"after create: {seen['create']}")
        ctx.check("startContainer" in seen["start"], "run by the time start returns", f"after start: {seen['start']}")
        rows = [r for r in hooked.entries() if r[0] == "startContainer"]
        ctx.check(bool(rows) and rows[0][4] == "absent", "the user program had not run yet", f"marker {rows[0][4] if rows else 'n/a'}")


@requirement("config.hooks.poststart", "config.md", "Poststart", "MUST", "poststart hooks run after the user program starts and before start returns")
def poststart(ctx):
    # runc 1.1 runs poststart hooks during create (before startContainer): a real deviation.
    seen = _run_lifecycle(ctx, _all_hooks(ctx))
    if seen:
        ctx.check("poststart" not in seen["create"], "not run by create", f"after create: {seen['create']}")
        ctx.check("poststart" in seen["start"], "run by the time start returns", f"after start: {seen['start']}")
        names = seen["start"]
        ctx.check("startContainer" in names and "poststart" in names and names.index("startContainer") < names.index("poststart"),
                  "after the startContainer hooks", f"order {names}")


@requirement("config.hooks.poststop", "config.md", "Poststop", "MUST", "poststop hooks run after the container is deleted, before delete returns")
def poststop(ctx):
    seen = _run_lifecycle(ctx, _all_hooks(ctx))
    if seen:
        ctx.check("poststop" not in seen["stopped"], "not run before delete", f"after the process stopped: {seen['stopped']}")
        ctx.check("poststop" in seen["delete"], "run by the time delete returns", f"after delete: {seen['delete']}")


@requirement("config.hooks.listed-order", "config.md", "POSIX-platform Hooks", "MUST", "hooks of one kind are called in the listed order")
def listed_order(ctx):
    hooked = HookedBundle(ctx)
    for kind in ("createRuntime", "poststart", "poststop"):
        for suffix in ("A", "B", "C"):
            hooked.add(kind, f"{kind}-{suffix}")
    if _run_lifecycle(ctx, hooked):
        names = hooked.names()
        for kind in ("createRuntime", "poststart", "poststop"):
            got = [n for n in names if n.startswith(kind + "-")]
            ctx.check(got == [f"{kind}-A", f"{kind}-B", f"{kind}-C"], f"{kind} hooks in order", f"got {got}")


@requirement("config.hooks.state-stdin", "config.md", "POSIX-platform Hooks", "MUST", "the container state is passed to every hook on stdin")
def state_stdin(ctx):
    hooked = _all_hooks(ctx)
    if not _run_lifecycle(ctx, hooked):
        return
    rows = {r[0]: r for r in hooked.entries()}
    for kind in ALL:
        state = rows.get(kind, (None,) * 6)[5]
        ok = isinstance(state, dict) and state.get("id") == hooked.container.id and \
            os.path.realpath(str(state.get("bundle"))) == os.path.realpath(hooked.bundle.path) and isinstance(state.get("ociVersion"), str)
        ctx.check(ok, f"{kind} read a state with the container's id and bundle", f"stdin was {state!r}"[:300])


@requirement("config.hooks.state-status", "config.md", "POSIX-platform Hooks", "MUST", "the state given to hooks carries the status of that lifecycle point")
def state_status(ctx):
    # runc 1.1 gives poststart hooks status "created" (they run inside create): a real deviation.
    hooked = _all_hooks(ctx)
    if not _run_lifecycle(ctx, hooked):
        return
    rows = {r[0]: r for r in hooked.entries()}
    expected = {"prestart": {"creating"}, "createRuntime": {"creating"}, "createContainer": {"creating"},
                "startContainer": {"created"}, "poststart": {"running"}, "poststop": {"stopped"}}
    for kind in ALL:
        state = rows.get(kind, (None,) * 6)[5] or {}
        ctx.check(state.get("status") in expected[kind], f"{kind} sees status {'/'.join(sorted(expected[kind]))}", f"status {state.get('status')!r}")
    for kind in ("createRuntime", "poststart"):
        state = rows.get(kind, (None,) * 6)[5] or {}
        ctx.check(isinstance(state.get("pid"), int) and state.get("pid", 0) > 0, f"{kind} sees the container pid", f"pid {state.get('pid')!r}")


@requirement("config.hooks.runtime-namespace", "config.md", "POSIX-platform Hooks", "MUST", "prestart, createRuntime, poststart and poststop run in the runtime namespace")
def runtime_namespace(ctx):
    hooked = _all_hooks(ctx)
    if not _run_lifecycle(ctx, hooked):
        return
    net, mnt = os.readlink("/proc/self/ns/net"), os.readlink("/proc/self/ns/mnt")
    rows = {r[0]: r for r in hooked.entries()}
    for kind in ("prestart", "createRuntime", "poststart", "poststop"):
        row = rows.get(kind)
        ctx.check(row is not None and row[1] == net and row[2] == mnt, f"{kind} in the runtime's net and mount namespaces",
                  f"saw {row[1:3] if row else 'no call'}, runtime has {(net, mnt)}")


@requirement("config.hooks.container-namespace", "config.md", "POSIX-platform Hooks", "MUST", "createContainer and startContainer run in the container namespace")
def container_namespace(ctx):
    hooked = _all_hooks(ctx)
    done = hooked.create()
    if not ctx.check(done.ok, "create succeeds", done.describe()) or not hooked.container.pid:
        return
    pid = hooked.container.pid
    net, mnt = os.readlink(f"/proc/{pid}/ns/net"), os.readlink(f"/proc/{pid}/ns/mnt")
    ctx.check(hooked.container.start().ok, "start succeeds")
    rows = {r[0]: r for r in hooked.entries()}
    for kind in ("createContainer", "startContainer"):
        row = rows.get(kind)
        ctx.check(row is not None and row[1] == net and row[2] == mnt, f"{kind} in the container's net and mount namespaces",
                  f"saw {row[1:3] if row else 'no call'}, container has {(net, mnt)}")


@requirement("config.hooks.start-container-path", "config.md", "StartContainer Hooks", "MUST", "the startContainer hook path resolves in the container namespace")
def start_container_path(ctx):
    hooked = HookedBundle(ctx)
    hooked.add("startContainer")
    ctx.check(not os.path.exists(IN_CONTAINER_SCRIPT), "the hook path does not exist on the host", f"{IN_CONTAINER_SCRIPT} exists on the host")
    done = hooked.create()
    if ctx.check(done.ok, "create succeeds", done.describe()):
        ctx.check(hooked.container.start().ok, "start succeeds")
        ctx.check("startContainer" in hooked.names(), "the in-container hook ran", f"log {hooked.names()}")


@requirement("config.hooks.args-env", "config.md", "POSIX-platform Hooks", "MUST", "hook args and env are passed as given")
def args_env(ctx):
    hooked = HookedBundle(ctx)
    hooked.add("createRuntime", "with-args", args=("one", "two words"))
    done = hooked.create()
    if ctx.check(done.ok, "create succeeds", done.describe()):
        rows = hooked.entries()
        ctx.check(bool(rows) and rows[0][0] == "with-args", "the env (HOOK_NAME) reached the hook", f"log {rows}")
        ctx.check(bool(rows) and rows[0][3] == "one two words", "the args reached the hook", f"args {rows[0][3] if rows else None!r}")


@requirement("config.hooks.timeout", "config.md", "POSIX-platform Hooks", "MUST", "a hook that outlives its timeout is aborted and create fails")
def timeout(ctx):
    hooked = HookedBundle(ctx)
    hooked.add("createRuntime", sleep=60, timeout=1)
    began = time.monotonic()
    done = hooked.create()
    took = time.monotonic() - began
    ctx.check(not done.ok, "create fails", "create succeeded")
    ctx.check(took < 20, "the hook was aborted well before it finished", f"create took {took:.1f}s")


@requirement("config.hooks.path-absolute", "config.md", "POSIX-platform Hooks", "MUST", "a relative hook path is invalid and generates an error")
def path_absolute(ctx):
    # runc 1.1 runs a relative hook path (resolved from its cwd) instead of refusing it: a real deviation.
    hooked = HookedBundle(ctx)
    hooked.add("createRuntime", path="hook.sh")
    write_script(os.path.join(hooked.bundle.path, "hook.sh"), HOOK_SCRIPT)
    done = hooked.create()
    ctx.check(not done.ok, "create with hook path \"hook.sh\" fails", "create succeeded")


def _failing_create_hook(kind):
    def run(ctx):
        hooked = HookedBundle(ctx)
        hooked.add(kind, exit_code=1)
        done = hooked.create()
        ctx.check(not done.ok, f"a failing {kind} hook makes create fail", "create succeeded")
        state = hooked.container.state()
        ctx.check(state is None or state.get("status") == "stopped", "the container is stopped or gone", f"state {state}")
        ctx.check(not wait_for_file(hooked.bundle.in_rootfs("/program-ran"), 0.3), "the user program never ran", "/program-ran exists")
    return run


for _kind in CREATE_PHASE:
    requirement(f"runtime.lifecycle.{_kind}-failure", "runtime.md", "Lifecycle", "MUST",
                f"a failing {_kind} hook generates an error and stops the container")(_failing_create_hook(_kind))


@requirement("runtime.lifecycle.startContainer-failure", "runtime.md", "Lifecycle", "MUST", "a failing startContainer hook generates an error and stops the container")
def start_container_failure(ctx):
    # runc 1.1 start returns success although the startContainer hook failed and the program never ran: a real deviation.
    hooked = HookedBundle(ctx)
    hooked.add("startContainer", exit_code=1)
    done = hooked.create()
    if not ctx.check(done.ok, "create succeeds", done.describe()):
        return
    ctx.check(not hooked.container.start().ok, "start fails", "start succeeded")
    ctx.check(not wait_for_file(hooked.bundle.in_rootfs("/program-ran"), 0.3), "the user program never ran", "/program-ran exists")
    state = hooked.container.wait_status("stopped", 5)
    ctx.check(state is None or state.get("status") == "stopped", "the container is stopped or gone", f"state {state}")


@requirement("runtime.lifecycle.poststart-failure", "runtime.md", "Lifecycle", "MUST", "a failing poststart hook generates an error and stops the container")
def poststart_failure(ctx):
    # runc 1.1 runs poststart inside create, so the failure surfaces there instead of at start: a real deviation.
    hooked = HookedBundle(ctx)
    hooked.add("poststart", exit_code=1)
    done = hooked.create()
    if not ctx.check(done.ok, "create succeeds", done.describe()):
        return
    ctx.check(not hooked.container.start().ok, "start fails", "start succeeded")
    state = hooked.container.wait_status("stopped", 5)
    ctx.check(state is None or state.get("status") == "stopped", "the container is stopped or gone", f"state {state}")


@requirement("runtime.lifecycle.poststop-failure", "runtime.md", "Lifecycle", "MUST", "a failing poststop hook is only a warning: later hooks run and delete succeeds")
def poststop_failure(ctx):
    # runc 1.1 stops at the first failing poststop hook and skips the rest: a real deviation.
    hooked = HookedBundle(ctx)
    hooked.add("poststop", "poststop-failing", exit_code=1)
    hooked.add("poststop", "poststop-after")
    make_sleeper(hooked.bundle)
    done = hooked.create()
    if not ctx.check(done.ok, "create succeeds", done.describe()):
        return
    hooked.container.kill("KILL")
    hooked.container.wait_stopped()
    deleted = hooked.container.delete()
    ctx.check(deleted.ok, "delete succeeds", deleted.describe())
    ctx.check("poststop-after" in hooked.names(), "the next poststop hook still runs", f"log {hooked.names()}")
    ctx.check(not ctx.runtime.state(hooked.container.id)[0].ok, "the container is gone")
