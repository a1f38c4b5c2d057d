"""Bundles: one config.json per container, all pointing at one shared busybox rootfs (root.path is absolute).

The base config is `runc spec` with terminal off and args /bin/true. Per container, only what must differ
changes: the cgroupsPath (every container its own cgroup, under a cgroup the bench made), the args, and in
the host memory measurement linux.resources.memory.limit.
"""
import copy
import json
import os
import subprocess


class BundleFactory:
    def __init__(self, base_config, bundles_dir, cgroup_parent):
        self.base = base_config
        self.dir = bundles_dir
        self.cgroup_parent = cgroup_parent.rstrip("/")     # e.g. "" inside the namespace, "/swiftlet-bench-123" on the host
        os.makedirs(self.dir, exist_ok=True)

    def cgroups_path(self, container_id):
        return f"{self.cgroup_parent}/{container_id}"

    def make(self, container_id, args=("/bin/true",), memory_limit=None):
        config = copy.deepcopy(self.base)
        config["process"]["args"] = list(args)
        linux = config.setdefault("linux", {})
        linux.pop("resources", None)       # crun runs with its cgroup manager disabled: no resources for anyone
        if memory_limit is not None:
            linux["resources"] = {"memory": {"limit": int(memory_limit)}}
        linux["cgroupsPath"] = self.cgroups_path(container_id)
        bundle = os.path.join(self.dir, container_id)
        os.makedirs(bundle, exist_ok=True)
        with open(os.path.join(bundle, "config.json"), "w") as f:
            json.dump(config, f, indent=1)
        return bundle


def base_config_from_runc_spec(runc_binary, rootfs, scratch_dir):
    """`runc spec` as the starting point: the config every runtime here is expected to accept."""
    spec_dir = os.path.join(scratch_dir, "runc-spec")
    os.makedirs(spec_dir, exist_ok=True)
    subprocess.run([runc_binary, "spec", "--bundle", spec_dir], check=True)
    with open(os.path.join(spec_dir, "config.json")) as f:
        config = json.load(f)
    config["process"]["terminal"] = False
    config["process"]["args"] = ["/bin/true"]
    config["root"] = {"path": os.path.abspath(rootfs), "readonly": True}
    return config
