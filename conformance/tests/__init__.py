"""Requirement tests, one module per spec area. Importing a module registers its tests (in file order)."""
from . import (  # noqa: F401
    runtime_state,
    runtime_operations,
    runtime_lifecycle,
    config_process,
    config_misc,
    config_root_mounts,
    config_mount_options,
    config_hooks,
    linux_namespaces,
    linux_devices,
    linux_filesystem,
    linux_cgroups,
    linux_seccomp,
    linux_misc,
    runtime_linux,
)

MODULES = True
