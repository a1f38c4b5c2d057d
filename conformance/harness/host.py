"""Facts about the host the harness needs to decide what to expect and what to skip (skips are only ever
for what the host lacks, never for what the runtime lacks)."""
import os

NAMESPACE_FILES = {
    "pid": "pid", "network": "net", "mount": "mnt", "ipc": "ipc",
    "uts": "uts", "user": "user", "cgroup": "cgroup", "time": "time",
}

# capabilities(7) numbers, CAP_CHOWN = 0 up to CAP_CHECKPOINT_RESTORE = 40.
CAPABILITIES = [
    "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID",
    "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN",
    "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT",
    "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE",
    "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL",
    "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND",
    "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE",
]


def cap_mask(names) -> str:
    mask = 0
    for name in names:
        mask |= 1 << CAPABILITIES.index(name)
    return f"{mask:x}"


def namespace_inode(kind: str, pid="self") -> int:
    return os.stat(f"/proc/{pid}/ns/{NAMESPACE_FILES[kind]}").st_ino


def has_namespace_support(kind: str) -> bool:
    return os.path.exists(f"/proc/self/ns/{NAMESPACE_FILES[kind]}")


def own_status_field(key: str) -> str:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return line.split(":", 1)[1].strip()
    return ""


def bounding_set() -> int:
    return int(own_status_field("CapBnd") or "0", 16)


def has_capability(name: str) -> bool:
    return bool(bounding_set() & (1 << CAPABILITIES.index(name))) and bool(int(own_status_field("CapEff") or "0", 16) & (1 << CAPABILITIES.index(name)))


def user_namespaces_available() -> tuple[bool, str]:
    if not has_namespace_support("user"):
        return False, "kernel has no user namespaces"
    try:
        with open("/proc/sys/user/max_user_namespaces") as f:
            if int(f.read()) == 0:
                return False, "user.max_user_namespaces is 0"
    except OSError:
        pass
    return True, ""


def read_text(path: str) -> str | None:
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return None


def syscall_names() -> list[str]:
    """Every syscall name this host's headers know (for an allow-list seccomp profile); empty if unknown."""
    names = []
    for header in ("/usr/include/x86_64-linux-gnu/asm/unistd_64.h", "/usr/include/asm/unistd_64.h"):
        try:
            with open(header) as f:
                for line in f:
                    parts = line.split()
                    if len(parts) >= 3 and parts[0] == "#define" and parts[1].startswith("__NR_"):
                        names.append(parts[1][5:])
        except OSError:
            continue
        if names:
            break
    return names


def first_block_device() -> tuple[int, int] | None:
    """major:minor of a real (non-loop, non-ram) block device, for blkio throttling rules."""
    try:
        for name in sorted(os.listdir("/sys/block")):
            if name.startswith(("loop", "ram", "zram", "dm-")):
                continue
            dev = read_text(f"/sys/block/{name}/dev")
            if dev:
                major, minor = dev.split(":")
                return int(major), int(minor)
    except OSError:
        pass
    return None
