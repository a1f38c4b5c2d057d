"""Every container the bench creates is recorded here until deleted, so every exit path can delete it."""
from . import processes


class ContainerRegistry:
    def __init__(self, spawner):
        self.spawner = spawner
        self.live = {}           # (runtime name, container id) -> Runtime

    def track(self, runtime, container_id):
        self.live[(runtime.name, container_id)] = runtime

    def forget(self, runtime, container_id):
        self.live.pop((runtime.name, container_id), None)

    def force_delete(self, runtime, container_id):
        """`delete --force`: kills the container's processes if any; errors ignored (it may already be gone)."""
        self.spawner.run(runtime.argv("delete", "--force", container_id), timeout_s=30)
        self.forget(runtime, container_id)

    def delete_all(self):
        """Kills the containers' processes first, then deletes: see kill_then_delete."""
        self.kill_then_delete(list(self.live.items()))

    def kill_then_delete(self, entries):
        """entries: [((runtime name, container id), Runtime)]. Every container process left running is our
        child (we are the subreaper), so we kill and reap it by pid first; the runtime then finds the container
        stopped. (runc's `delete --force` on a created or running container sleeps 100 ms per container.)"""
        processes.kill_and_reap(processes.living_children())
        processes.reap_orphans()
        for (_, container_id), runtime in entries:
            self.force_delete(runtime, container_id)
        processes.kill_and_reap(processes.living_children())
        processes.reap_orphans()
