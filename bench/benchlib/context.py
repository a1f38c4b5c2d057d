"""What every measurement needs: how to spawn, make bundles, track containers, and the run settings."""
import os
from dataclasses import dataclass, field

from . import cgroup_dirs


@dataclass
class Settings:
    rounds: int = 30            # recorded runs per runtime and measurement
    warmup: int = 5
    many: int = 100             # containers present for state/list
    concurrent: int = 50        # containers started at once
    concurrent_rounds: int = 3
    timeout_s: float = 20.0


@dataclass
class BenchContext:
    spawner: object             # processes.Spawner
    bundles: object             # bundles.BundleFactory
    containers: object          # containers.ContainerRegistry
    settings: Settings
    cgroup_parents: list = field(default_factory=list)   # where the containers' cgroups appear

    def leftover_cgroups(self, prefix):
        """Cgroup directories named after our containers that are still there after the runtime is done."""
        found = []
        for parent in self.cgroup_parents:
            try:
                found += [name for name in os.listdir(parent) if name.startswith(prefix)]
            except OSError:
                pass
        return found

    def remove_container_cgroups(self, container_id):
        for parent in self.cgroup_parents:
            cgroup_dirs.remove_tree(os.path.join(parent, container_id))
