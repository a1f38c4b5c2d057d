"""config-linux.md "Sysctl" and "Personality"."""
from harness.requirement import requirement


@requirement("config-linux.sysctl", "config-linux.md", "Sysctl", "MUST", "sysctl values are set in the container's namespaces")
def sysctl(ctx):
    bundle = ctx.bundle()
    bundle.config["linux"]["sysctl"] = {"net.ipv4.ip_forward": "1", "net.core.somaxconn": "256", "kernel.msgmax": "4096"}
    # readonlyPaths has /proc/sys; the values must be in place before it is made read-only.
    ctx.run_checks(bundle, [("file", "/proc/sys/net/ipv4/ip_forward", "1"), ("file", "/proc/sys/net/core/somaxconn", "256"),
                            ("file", "/proc/sys/kernel/msgmax", "4096")])


@requirement("config-linux.personality.linux32", "config-linux.md", "Personality", "MUST", "personality domain LINUX32 sets the PER_LINUX32 execution domain")
def personality_linux32(ctx):
    # runc 1.1 does not know linux.personality (added in runc 1.2): a real deviation.
    bundle = ctx.bundle()
    bundle.config["linux"]["personality"] = {"domain": "LINUX32"}
    ctx.run_checks(bundle, [("personality", "0x0008")])


@requirement("config-linux.personality.linux", "config-linux.md", "Personality", "MUST", "personality domain LINUX keeps the PER_LINUX execution domain")
def personality_linux(ctx):
    bundle = ctx.bundle()
    bundle.config["linux"]["personality"] = {"domain": "LINUX"}
    ctx.run_checks(bundle, [("personality", "0x0000")])
