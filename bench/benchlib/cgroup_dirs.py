"""The cgroup directories the bench makes, and removing them depth-first (a cgroup with children cannot go)."""
import os
import time

CGROUP_MOUNT = "/sys/fs/cgroup"


def hierarchy_dirs(name):
    """/sys/fs/cgroup/<hierarchy>/<name> for every hierarchy on a hybrid or v1 host; /sys/fs/cgroup/<name> on cgroup2."""
    if os.path.exists(os.path.join(CGROUP_MOUNT, "cgroup.controllers")):
        return [os.path.join(CGROUP_MOUNT, name)]
    dirs = []
    for hierarchy in sorted(os.listdir(CGROUP_MOUNT)):
        mount = os.path.join(CGROUP_MOUNT, hierarchy)
        if os.path.isdir(mount) and not os.path.islink(mount) and os.path.exists(os.path.join(mount, "cgroup.procs")):
            dirs.append(os.path.join(mount, name))
    return dirs


def remove_tree(path, attempts=10):
    """rmdir children first; retries briefly because killed processes take a moment to leave a cgroup."""
    if not os.path.isdir(path):
        return True
    for entry in os.listdir(path):
        child = os.path.join(path, entry)
        if os.path.isdir(child) and not os.path.islink(child):
            remove_tree(child, attempts)
    for _ in range(attempts):
        try:
            os.rmdir(path)
            return True
        except FileNotFoundError:
            return True
        except OSError:
            time.sleep(0.05)
    return False
