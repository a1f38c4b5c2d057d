"""runtime.md "Operations": query state, create, start, kill, delete, including the error cases."""
import os
import subprocess

from harness import leftovers
from harness.requirement import requirement

from .support import make_sleeper, wait_for_file


def _created(ctx, args=None, bundle=None):
    bundle = bundle or ctx.bundle()
    if args:
        bundle.config["process"]["args"] = args
    else:
        make_sleeper(bundle)
    bundle.write()
    container = ctx.container(bundle)
    done = container.create()
    ctx.check(done.ok, "create succeeds", done.describe())
    return container if done.ok else None


def _running(ctx, args=None):
    container = _created(ctx, args)
    if container:
        started = container.start()
        ctx.check(started.ok, "start succeeds", started.describe())
        return container if started.ok else None
    return None


@requirement("runtime.scope", "runtime.md", "Scope of a Container", "MUST", "the creator can use every operation on the container it created")
def scope(ctx):
    container = _running(ctx)
    if not container:
        return
    ctx.check(container.runtime.state(container.id)[0].ok, "state works")
    ctx.check(container.kill("KILL").ok, "kill works")
    ctx.check(container.wait_stopped(), "the container stops", f"status {container.status()!r}")
    ctx.check(container.delete().ok, "delete works")


@requirement("runtime.state.no-id", "runtime.md", "Query State", "MUST", "state without a container ID generates an error")
def state_without_id(ctx):
    done = ctx.runtime.raw("state")
    ctx.check(not done.ok, "state with no ID fails", "it succeeded")


@requirement("runtime.state.unknown", "runtime.md", "Query State", "MUST", "state of a container that does not exist generates an error")
def state_unknown(ctx):
    done = ctx.runtime.raw("state", f"conformance-no-such-container-{os.getpid()}")
    ctx.check(not done.ok, "state of an unknown ID fails", "it succeeded")


@requirement("runtime.create.no-id", "runtime.md", "Create", "MUST", "create without a container ID generates an error")
def create_without_id(ctx):
    bundle = ctx.bundle()
    make_sleeper(bundle)
    bundle.write()
    done = ctx.runtime.raw("create", "--bundle", bundle.path, timeout=30)
    ctx.check(not done.ok, "create with no ID fails", "it succeeded")
    ctx.check(not leftovers.processes([bundle.path], bundle.cgroups_path + "\n"), "no process was started")


@requirement("runtime.create.duplicate-id", "runtime.md", "Create", "MUST", "create with an ID already in use generates an error and creates nothing")
def create_duplicate(ctx):
    first = _created(ctx)
    if not first:
        return
    before = first.state() or {}
    other = ctx.bundle()
    make_sleeper(other)
    other.write()
    done = ctx.runtime.create(first.id, other.path)
    ctx.check(not done.ok, "second create with the same ID fails", "it succeeded")
    after = first.state() or {}
    ctx.check(after.get("pid") == before.get("pid") and after.get("bundle") == before.get("bundle") and after.get("status") == "created",
              "the first container is unaffected", f"state before {before}, after {after}")
    ctx.check(not os.path.isdir(ctx.cgroups.directory("pids", other.cgroups_path) or "/nonexistent"),
              "no cgroup was made for the second bundle", "its cgroup directory exists")


@requirement("runtime.create.applies-config", "runtime.md", "Create", "MUST", "create applies all of config.json except process (namespaces, cgroups) before start")
def create_applies(ctx):
    bundle = ctx.bundle()
    make_sleeper(bundle)
    bundle.config["linux"]["resources"]["pids"] = {"limit": 77}
    container = _created(ctx, bundle=bundle)
    if not container or not container.pid:
        return
    host_net = os.stat("/proc/self/ns/net").st_ino
    ctx.check(os.stat(f"/proc/{container.pid}/ns/net").st_ino != host_net, "the network namespace exists after create")
    ctx.check(os.stat(f"/proc/{container.pid}/ns/uts").st_ino != os.stat("/proc/self/ns/uts").st_ino, "the uts namespace exists after create")
    where = ctx.cgroups.locate("pids")
    if where:
        path = ctx.cgroups.process_path(container.pid, "pids")
        value = None
        if path:
            try:
                with open(os.path.join(ctx.cgroups.directory("pids", path), "pids.max")) as f:
                    value = f.read().strip()
            except OSError:
                pass
        ctx.check(value == "77", "the pids limit is in place after create", f"pids.max = {value!r}")


@requirement("runtime.create.not-run", "runtime.md", "Create", "MUST", "process.args are not applied until start")
def create_does_not_run(ctx):
    container = _created(ctx, ["sh", "-c", "touch /ran; sleep 60"])
    if not container:
        return
    marker = container.bundle.in_rootfs("/ran")
    ctx.check(not wait_for_file(marker, 0.5), "the program has not run after create", "/ran appeared before start")
    container.start()
    ctx.check(wait_for_file(marker, 5), "the program runs after start", "/ran never appeared")


@requirement("runtime.create.cannot-apply", "runtime.md", "Create", "MUST", "a property that cannot be applied makes create fail and no container exist")
def create_cannot_apply(ctx):
    bundle = ctx.bundle()
    make_sleeper(bundle)
    bundle.add_mount("/mnt/bogus", "conformancefs", "none")
    bundle.write()
    container = ctx.container(bundle)
    done = container.create()
    ctx.check(not done.ok, "create with a mount of an unknown filesystem type fails", "it succeeded")
    ctx.check(not ctx.runtime.state(container.id)[0].ok, "no container exists afterwards", "state of the ID succeeds")


@requirement("runtime.errors.no-trace", "runtime.md", "Errors", "MUST", "a failed create leaves the environment as if it was never attempted")
def errors_leave_nothing(ctx):
    bundle = ctx.bundle()
    make_sleeper(bundle)
    bundle.config["linux"]["resources"]["pids"] = {"limit": 50}
    bundle.add_mount("/mnt/missing", "none", os.path.join(ctx.dir, "does-not-exist"), ["rbind"])
    bundle.write()
    container = ctx.container(bundle)
    done = container.create()
    ctx.check(not done.ok, "create with a missing bind source fails", "it succeeded")
    ctx.check(not ctx.runtime.state(container.id)[0].ok, "no container state remains", "state of the ID succeeds")
    marker = bundle.cgroups_path
    ctx.check(not leftovers.processes([bundle.path], marker + "\n"), "no process remains")
    ctx.check(not leftovers.mounts(bundle.path), "no mount remains", ", ".join(leftovers.mounts(bundle.path)))
    ctx.check(not leftovers.cgroup_directories(ctx.cgroups.all_directories(marker)), "no cgroup directory remains",
              ", ".join(leftovers.cgroup_directories(ctx.cgroups.all_directories(marker))))


@requirement("runtime.start.no-id", "runtime.md", "Start", "MUST", "start without a container ID generates an error")
def start_without_id(ctx):
    ctx.check(not ctx.runtime.raw("start").ok, "start with no ID fails", "it succeeded")


@requirement("runtime.start.twice", "runtime.md", "Start", "MUST", "start of a running container fails and has no effect")
def start_twice(ctx):
    container = _running(ctx)
    if not container:
        return
    before = container.state() or {}
    ctx.check(not container.start().ok, "second start fails", "it succeeded")
    after = container.state() or {}
    ctx.check(after.get("status") == "running" and after.get("pid") == before.get("pid"), "the container keeps running unchanged",
              f"before {before.get('status')}/{before.get('pid')}, after {after.get('status')}/{after.get('pid')}")


@requirement("runtime.start.stopped", "runtime.md", "Start", "MUST", "start of a stopped container fails and has no effect")
def start_stopped(ctx):
    container = _running(ctx, ["true"])
    if not container:
        return
    ctx.check(container.wait_stopped(), "the container stops", f"status {container.status()!r}")
    ctx.check(not container.start().ok, "start of a stopped container fails", "it succeeded")
    ctx.check(container.status() == "stopped", "it stays stopped", f"status {container.status()!r}")


@requirement("runtime.start.no-process", "runtime.md", "Start", "MUST", "start generates an error if process is not set")
def start_without_process(ctx):
    bundle = ctx.bundle()
    del bundle.config["process"]
    bundle.write()
    container = ctx.container(bundle)
    done = container.create()
    if not done.ok:
        ctx.check(True, "the runtime refuses a bundle without process (at create)")
        return
    ctx.check(not container.start().ok, "start fails without process", "it succeeded")


@requirement("runtime.start.runs", "runtime.md", "Start", "MUST", "start runs the user-specified program")
def start_runs(ctx):
    container = _running(ctx, ["sh", "-c", "echo started > /started"])
    if container:
        ctx.check(wait_for_file(container.bundle.in_rootfs("/started")), "the program ran", "no /started")


@requirement("runtime.kill.no-id", "runtime.md", "Kill", "MUST", "kill without a container ID generates an error")
def kill_without_id(ctx):
    ctx.check(not ctx.runtime.raw("kill").ok, "kill with no ID fails", "it succeeded")


@requirement("runtime.kill.stopped", "runtime.md", "Kill", "MUST", "kill of a stopped container fails and has no effect")
def kill_stopped(ctx):
    container = _running(ctx, ["true"])
    if not container:
        return
    ctx.check(container.wait_stopped(), "the container stops", f"status {container.status()!r}")
    ctx.check(not container.kill("KILL").ok, "kill of a stopped container fails", "it succeeded")
    ctx.check(container.status() == "stopped", "it stays stopped", f"status {container.status()!r}")


@requirement("runtime.kill.signal", "runtime.md", "Kill", "MUST", "kill sends the specified signal to the container process")
def kill_signal(ctx):
    script = "trap 'echo usr1 > /got-signal; exit 0' USR1; touch /ready; while :; do sleep 0.05; done"
    container = _running(ctx, ["sh", "-c", script])
    if not container:
        return
    wait_for_file(container.bundle.in_rootfs("/ready"))
    ctx.check(container.kill("USR1").ok, "kill USR1 succeeds")
    ctx.check(wait_for_file(container.bundle.in_rootfs("/got-signal")), "the process received SIGUSR1", "the trap never ran")
    ctx.check(container.wait_stopped(), "the process exits from its handler", f"status {container.status()!r}")


@requirement("runtime.kill.created", "runtime.md", "Kill", "MUST", "kill of a created container is accepted and delivers the signal")
def kill_created(ctx):
    container = _created(ctx)
    if not container:
        return
    ctx.check(container.kill("KILL").ok, "kill KILL of a created container succeeds")
    ctx.check(container.wait_stopped(), "it stops", f"status {container.status()!r}")


@requirement("runtime.delete.no-id", "runtime.md", "Delete", "MUST", "delete without a container ID generates an error")
def delete_without_id(ctx):
    ctx.check(not ctx.runtime.raw("delete").ok, "delete with no ID fails", "it succeeded")


@requirement("runtime.delete.running", "runtime.md", "Delete", "MUST", "delete of a running container fails and has no effect")
def delete_running(ctx):
    container = _running(ctx)
    if not container:
        return
    before = container.state() or {}
    ctx.check(not container.delete().ok, "delete of a running container fails", "it succeeded")
    after = container.state() or {}
    ctx.check(after.get("status") == "running" and after.get("pid") == before.get("pid"), "it keeps running",
              f"state after: {after or 'gone'}")


@requirement("runtime.delete.created", "runtime.md", "Delete", "MUST", "delete of a created (not stopped) container fails and has no effect")
def delete_created(ctx):
    # runc deviates here: `runc delete` of a created container kills and removes it.
    container = _created(ctx)
    if not container:
        return
    ctx.check(not container.delete().ok, "delete of a created container fails", "it succeeded")
    ctx.check(container.status() == "created", "it stays created", f"status {container.status()!r}")


@requirement("runtime.delete.resources", "runtime.md", "Delete", "MUST", "delete removes what create made: state, processes, cgroups, mounts")
def delete_resources(ctx):
    container = _running(ctx, ["true"])
    if not container:
        return
    ctx.check(container.wait_stopped(), "the container stops", f"status {container.status()!r}")
    cgroup_dirs = [d for d in ctx.cgroups.all_directories(container.bundle.cgroups_path) if os.path.isdir(d)]
    ctx.check(bool(cgroup_dirs), "the container had cgroups before delete", "no cgroup directory found for cgroupsPath")
    done = container.delete()
    ctx.check(done.ok, "delete succeeds", done.describe())
    ctx.check(not ctx.runtime.state(container.id)[0].ok, "state of the deleted ID fails")
    ctx.check(not leftovers.cgroup_directories(cgroup_dirs), "the cgroup directories are removed", ", ".join(leftovers.cgroup_directories(cgroup_dirs)))
    ctx.check(not leftovers.mounts(container.bundle.path), "no mount under the bundle remains")
    ctx.check(not leftovers.processes([container.bundle.path], container.bundle.cgroups_path + "\n", [container.pid] if container.pid else []),
              "no container process remains")


@requirement("runtime.delete.foreign", "runtime.md", "Delete", "MUST", "delete keeps resources the container did not create (joined namespace, bind source, existing cgroup)")
def delete_keeps_foreign(ctx):
    owner = _running(ctx)
    if not owner or not owner.pid:
        return
    netns = os.stat(f"/proc/{owner.pid}/ns/net").st_ino
    source = ctx.host_dir("kept")
    with open(os.path.join(source, "data"), "w") as f:
        f.write("keep me\n")
    bundle = ctx.bundle()
    bundle.config["process"]["args"] = ["true"]
    bundle.add_namespace("network", f"/proc/{owner.pid}/ns/net")
    bundle.add_mount("/mnt/kept", "none", source, ["rbind"])
    pids = ctx.cgroups.locate("pids")
    existing = None
    if pids and pids.version == 1:
        existing = ctx.cgroups.directory("pids", bundle.cgroups_path)
        os.makedirs(existing)  # a cgroup that exists before the container: the test made it, the test removes it
        ctx.cleanup_actions.append(lambda: os.path.isdir(existing) and os.rmdir(existing))
    joiner = ctx.run_to_exit(bundle)
    if not joiner:
        return
    ctx.check(joiner.delete().ok, "delete of the joining container succeeds")
    ctx.check(owner.status() == "running" and os.stat(f"/proc/{owner.pid}/ns/net").st_ino == netns, "the joined network namespace lives on")
    ctx.check(os.path.exists(os.path.join(source, "data")), "the bind mount source and its content remain")
    if existing:
        # runc removes a cgroup directory even when it existed before the container.
        ctx.check(os.path.isdir(existing), "a cgroup that existed before create is not removed", f"{existing} was removed")
