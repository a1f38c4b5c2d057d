"""A bundle per test: a hardlinked copy of the shared busybox rootfs (with /checker) and a config.json."""
import json
import os
import subprocess

from .baseconfig import base_config


class Bundle:
    def __init__(self, path: str, rootfs_template: str, cgroups_path: str, private_copy=False):
        self.path = path
        self.cgroups_path = cgroups_path
        os.makedirs(path, mode=0o755)
        # Hardlinks make the copy cheap; tests that change files replace them instead of writing in place.
        # A private copy is for tests where the runtime might touch existing inodes (e.g. chown for user namespaces).
        subprocess.run(["cp", "-a" if private_copy else "-al", rootfs_template, self.rootfs], check=True)
        self.config = base_config(cgroups_path)

    @property
    def rootfs(self) -> str:
        return os.path.join(self.path, "rootfs")

    @property
    def config_path(self) -> str:
        return os.path.join(self.path, "config.json")

    def in_rootfs(self, container_path: str) -> str:
        return os.path.join(self.rootfs, container_path.lstrip("/"))

    def write_file(self, container_path: str, content: str, mode=0o644):
        """Writes a fresh file into the rootfs (replacing, never writing through, a hardlinked one)."""
        host = self.in_rootfs(container_path)
        os.makedirs(os.path.dirname(host), exist_ok=True)
        if os.path.lexists(host):
            os.unlink(host)
        with open(host, "w") as f:
            f.write(content)
        os.chmod(host, mode)
        return host

    def set_checks(self, checks):
        """Makes the container process `/checker` with the given checks (a list of tuples of strings)."""
        args = ["/checker"]
        for check in checks:
            args.extend(str(word) for word in check)
        self.config["process"]["args"] = args

    def add_mount(self, destination, type_, source, options=None, **extra):
        mount = {"destination": destination, "type": type_, "source": source}
        if options is not None:
            mount["options"] = options
        mount.update(extra)
        self.config["mounts"].append(mount)
        return mount

    def namespaces(self):
        return self.config["linux"]["namespaces"]

    def add_namespace(self, kind, path=None):
        self.remove_namespace(kind)
        entry = {"type": kind}
        if path:
            entry["path"] = path
        self.namespaces().append(entry)

    def remove_namespace(self, kind):
        self.config["linux"]["namespaces"] = [n for n in self.namespaces() if n["type"] != kind]

    def write(self):
        with open(self.config_path, "w") as f:
            json.dump(self.config, f, indent=2)
