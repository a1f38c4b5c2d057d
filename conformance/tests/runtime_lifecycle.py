"""runtime.md "Lifecycle": what create, start and delete must and must not do, step by step."""
from harness.requirement import requirement

from .support import wait_for_file


@requirement("runtime.lifecycle.config-frozen", "runtime.md", "Lifecycle", "MUST", "updates to config.json after create do not affect the container")
def config_frozen(ctx):
    bundle = ctx.bundle()
    bundle.config["process"]["args"] = ["sh", "-c", "touch /original"]
    bundle.write()
    container = ctx.container(bundle)
    done = container.create()
    if not ctx.check(done.ok, "create succeeds", done.describe()):
        return
    bundle.config["process"]["args"] = ["sh", "-c", "touch /changed"]
    bundle.config["hostname"] = "changed"
    bundle.write()
    ctx.check(container.start().ok, "start succeeds")
    ctx.check(container.wait_stopped(), "the container stops")
    ctx.check(wait_for_file(bundle.in_rootfs("/original"), 1), "the original args ran", "/original missing")
    ctx.check(not wait_for_file(bundle.in_rootfs("/changed"), 0.2), "the edited args did not run", "/changed exists")


@requirement("runtime.lifecycle.create-error", "runtime.md", "Lifecycle", "MUST", "a config.json the runtime cannot realise makes create generate an error")
def create_error(ctx):
    bundle = ctx.bundle()
    bundle.config["root"]["path"] = "no-such-rootfs"
    bundle.write()
    container = ctx.container(bundle)
    done = container.create()
    ctx.check(not done.ok, "create with a missing root.path fails", "it succeeded")


@requirement("runtime.lifecycle.destroy", "runtime.md", "Lifecycle", "MUST", "after the process exits, delete destroys the container (state no longer known)")
def destroy(ctx):
    bundle = ctx.bundle()
    bundle.config["process"]["args"] = ["true"]
    container = ctx.run_to_exit(bundle)
    if not container:
        return
    ctx.check(container.delete().ok, "delete succeeds")
    ctx.check(not ctx.runtime.state(container.id)[0].ok, "state of the deleted container fails")
