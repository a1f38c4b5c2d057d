"""runtime.md "State": the fields of the state JSON and how status follows the lifecycle."""
import os
import re

from harness.requirement import requirement

from .support import make_sleeper

SEMVER = re.compile(r"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")
STATUSES = {"creating", "created", "running", "stopped"}


def _created_sleeper(ctx, annotations=None):
    bundle = ctx.bundle()
    make_sleeper(bundle)
    if annotations is not None:
        bundle.config["annotations"] = annotations
    bundle.write()
    container = ctx.container(bundle)
    done = container.create()
    if not ctx.check(done.ok, "create succeeds", done.describe()):
        return bundle, None
    return bundle, container


@requirement("runtime.state.schema", "runtime.md", "State", "MUST", "the state JSON adheres to schema/state-schema.json")
def state_schema(ctx):
    bundle, container = _created_sleeper(ctx)
    if not container:
        return
    state = container.state()
    if not ctx.check(isinstance(state, dict), "state prints a JSON object", "state failed or printed no JSON"):
        return
    for field in ("ociVersion", "id", "status", "bundle"):
        ctx.check(isinstance(state.get(field), str), f"required string field {field}", f"{field} = {state.get(field)!r}")
    ctx.check(SEMVER.match(str(state.get("ociVersion", ""))) is not None, "ociVersion is SemVer 2.0.0", f"ociVersion = {state.get('ociVersion')!r}")
    ctx.check(state.get("status") in STATUSES, "status is one of creating/created/running/stopped", f"status = {state.get('status')!r}")
    pid = state.get("pid")
    ctx.check(isinstance(pid, int) and not isinstance(pid, bool) and pid >= 0, "pid is a non-negative integer", f"pid = {pid!r}")
    annotations = state.get("annotations", {})
    ctx.check(isinstance(annotations, dict) and all(isinstance(v, str) for v in annotations.values()),
              "annotations, if present, map strings to strings", f"annotations = {annotations!r}")


@requirement("runtime.state.id", "runtime.md", "State", "MUST", "state.id is the container's ID")
def state_id(ctx):
    _, container = _created_sleeper(ctx)
    if container:
        state = container.state() or {}
        ctx.check(state.get("id") == container.id, "id matches", f"id = {state.get('id')!r}")


@requirement("runtime.state.pid", "runtime.md", "State", "MUST", "state.pid is set when created or running and is the container process")
def state_pid(ctx):
    _, container = _created_sleeper(ctx)
    if not container:
        return
    state = container.state() or {}
    pid = state.get("pid")
    ctx.check(isinstance(pid, int) and pid > 0, "pid present while created", f"pid = {pid!r}")
    ctx.check(isinstance(pid, int) and pid > 0 and os.path.exists(f"/proc/{pid}"), "pid is a live process while created", f"pid {pid} not found")
    if container.pid is not None:
        ctx.check(container.pid == pid, "pid equals the --pid-file content", f"--pid-file says {container.pid}, state says {pid}")
    container.start()
    state = container.wait_status("running", 5) or {}
    pid = state.get("pid")
    ctx.check(isinstance(pid, int) and pid > 0, "pid present while running", f"pid = {pid!r}")
    cmdline = ""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmdline = f.read().decode(errors="replace").replace("\0", " ").strip()
    except (OSError, TypeError):
        pass
    ctx.check(cmdline == "sleep 120", "pid runs the user-specified program", f"/proc/{pid}/cmdline is {cmdline!r}")


@requirement("runtime.state.bundle", "runtime.md", "State", "MUST", "state.bundle is the absolute path of the bundle")
def state_bundle(ctx):
    bundle, container = _created_sleeper(ctx)
    if container:
        state = container.state() or {}
        value = state.get("bundle", "")
        ctx.check(isinstance(value, str) and os.path.isabs(value), "bundle is absolute", f"bundle = {value!r}")
        ctx.check(isinstance(value, str) and os.path.realpath(value) == os.path.realpath(bundle.path), "bundle is the bundle directory", f"bundle = {value!r}")


@requirement("runtime.state.annotations", "runtime.md", "State", "MUST", "state.annotations are the annotations associated with the container")
def state_annotations(ctx):
    wanted = {"org.example.conformance": "yes", "org.example.empty": ""}
    _, container = _created_sleeper(ctx, wanted)
    if container:
        state = container.state() or {}
        ctx.check(state.get("annotations") == wanted, "annotations match config.json", f"annotations = {state.get('annotations')!r}")


@requirement("runtime.state.status", "runtime.md", "State", "MUST", "status is created after create, running after start, stopped after exit")
def state_transitions(ctx):
    bundle = ctx.bundle()
    bundle.config["process"]["args"] = ["sh", "-c", "while [ ! -e /go ]; do sleep 0.05; done"]
    bundle.write()
    container = ctx.container(bundle)
    done = container.create()
    if not ctx.check(done.ok, "create succeeds", done.describe()):
        return
    ctx.check(container.status() == "created", "created after create", f"status {container.status()!r}")
    started = container.start()
    ctx.check(started.ok, "start succeeds", started.describe())
    ctx.check(container.status() == "running", "running after start", f"status {container.status()!r}")
    open(bundle.in_rootfs("/go"), "w").close()
    ctx.check(container.wait_stopped(), "stopped after the process exits", f"status {container.status()!r}")
