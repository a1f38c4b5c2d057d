"""Small helpers the requirement tests share."""
import json
import os
import time

SLEEP = ["sleep", "120"]


def make_sleeper(bundle, seconds=120):
    """A container process that stays running (busybox sleep; as pid 1 it ignores TERM, so stop it with KILL)."""
    bundle.config["process"]["args"] = ["sleep", str(seconds)]


def expect_create_fails(ctx, bundle, detail):
    """create must fail; if it wrongly succeeds the container is still cleaned up by the context."""
    bundle.write()
    container = ctx.container(bundle)
    done = container.create()
    ctx.check(not done.ok, detail, "create succeeded" if done.ok else "")
    return container, done


def expect_create_or_start_fails(ctx, bundle, detail):
    """The error may come at create or at start, but the user program must not run."""
    bundle.write()
    container = ctx.container(bundle)
    done = container.create()
    if not done.ok:
        return ctx.check(True, detail)
    started = container.start()
    return ctx.check(not started.ok, detail, "both create and start succeeded")


def applied_or_error(ctx, bundle, detail, verify):
    """For a property the runtime may not support: either create fails, or `verify(container)` returns
    (ok, reason) showing the property applied (runtime.md Create: cannot apply -> MUST error)."""
    bundle.write()
    container = ctx.container(bundle)
    done = container.create()
    if not done.ok:
        return ctx.check(True, detail + " (create refused it)")
    ok, reason = verify(container)
    return ctx.check(ok, detail, f"create succeeded but the property was not applied: {reason}")


def wait_for_file(path, timeout=5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if os.path.exists(path):
            return True
        time.sleep(0.02)
    return os.path.exists(path)


def read(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return None


def write_script(path, text):
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, 0o755)
    return path


def parse_json(text):
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return None
