"""config.md "Process", "POSIX process", "Linux Process" and "User": checked from inside by /checker."""
from harness.host import cap_mask, has_capability
from harness.requirement import requirement

from .support import expect_create_or_start_fails, read

SOME_CAPS = ["CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FOWNER", "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_NET_BIND_SERVICE"]


def _caps(bounding, effective, permitted, inheritable, ambient):
    return {"bounding": bounding, "effective": effective, "permitted": permitted, "inheritable": inheritable, "ambient": ambient}


@requirement("config.process.args", "config.md", "Process", "MUST", "args are passed with execvp semantics (args[0] looked up in PATH)")
def args(ctx):
    bundle = ctx.bundle()
    bundle.config["process"]["args"] = ["sh", "-c", 'echo "$0|$1|$2" > /args-out', "zero", "one", "two words"]
    if ctx.run_to_exit(bundle):
        out = (read(bundle.in_rootfs("/args-out")) or "").strip()
        ctx.check(out == "zero|one|two words", "every argument arrives intact", f"the program saw {out!r}")


@requirement("config.process.env", "config.md", "Process", "MUST", "env sets the process environment (environ semantics)")
def env(ctx):
    bundle = ctx.bundle()
    bundle.config["process"]["env"] = [
        "PATH=/usr/bin:/bin", "CONFORMANCE_A=alpha", "CONFORMANCE_EMPTY=", "CONFORMANCE_EQ=a=b=c", "CONFORMANCE_SPACE=two words"]
    ctx.run_checks(bundle, [("env", "PATH=/usr/bin:/bin"), ("env", "CONFORMANCE_A=alpha"), ("env", "CONFORMANCE_EMPTY="),
                            ("env", "CONFORMANCE_EQ=a=b=c"), ("env", "CONFORMANCE_SPACE=two words")])


@requirement("config.process.cwd", "config.md", "Process", "MUST", "cwd is the working directory of the process")
def cwd(ctx):
    bundle = ctx.bundle()
    bundle.config["process"]["cwd"] = "/home/user"
    ctx.run_checks(bundle, [("cwd", "/home/user")])


@requirement("config.process.cwd-absolute", "config.md", "Process", "MUST", "a relative cwd is invalid and generates an error")
def cwd_relative(ctx):
    bundle = ctx.bundle()
    bundle.config["process"]["cwd"] = "home/user"
    bundle.config["process"]["args"] = ["sh", "-c", "touch /ran"]
    expect_create_or_start_fails(ctx, bundle, "create or start with cwd \"home/user\" fails")


@requirement("config.process.user", "config.md", "POSIX-platform User", "MUST", "uid and gid are the process's real, effective and saved ids")
def user(ctx):
    bundle = ctx.bundle()
    bundle.config["process"]["user"] = {"uid": 1000, "gid": 1000}
    ctx.run_checks(bundle, [("uid", "1000"), ("gid", "1000")])


@requirement("config.process.additional-gids", "config.md", "POSIX-platform User", "MUST", "additionalGids are added as supplementary groups")
def additional_gids(ctx):
    bundle = ctx.bundle()
    bundle.config["process"]["user"] = {"uid": 1000, "gid": 1000, "additionalGids": [5, 6, 4242]}
    ctx.run_checks(bundle, [("groups-include", "5,6,4242")])


@requirement("config.process.umask", "config.md", "POSIX-platform User", "MUST", "umask sets the process umask")
def umask(ctx):
    bundle = ctx.bundle()
    bundle.config["process"]["user"] = {"uid": 0, "gid": 0, "umask": 0o077}
    ctx.run_checks(bundle, [("umask", "0077")])


@requirement("config.process.umask-unset", "config.md", "POSIX-platform User", "SHOULD", "without umask the caller's umask is kept")
def umask_unset(ctx):
    # runc 1.1 always sets umask 0022 when process.user.umask is unset: a real deviation from this SHOULD.
    bundle = ctx.bundle()
    ctx.run_checks(bundle, [("umask", "0027")], umask=0o027)


@requirement("config.process.terminal-false", "config.md", "Process", "MUST", "terminal false: the process gets the caller's stdin, stdout and stderr, no tty")
def terminal_false(ctx):
    bundle = ctx.bundle()
    container = ctx.run_checks(bundle, [("stdin", "hello-from-stdin"), ("notty",), ("stderr", "hello-on-stderr")], stdin_text="hello-from-stdin\n")
    ctx.check("hello-on-stderr" in container.stderr(), "stderr reaches the caller's stderr", f"stderr was {container.stderr()[-200:]!r}")


@requirement("config.process.console-size", "config.md", "Process", "MUST", "consoleSize is ignored when terminal is false")
def console_size(ctx):
    bundle = ctx.bundle()
    bundle.config["process"]["consoleSize"] = {"height": 10, "width": 40}
    ctx.run_checks(bundle, [("notty",)])


@requirement("config.process.caps-sets", "config.md", "Linux Process", "MUST", "capabilities: each set holds exactly the listed capabilities (root)")
def caps_sets(ctx):
    bundle = ctx.bundle()
    inheritable, ambient = ["CAP_KILL", "CAP_NET_BIND_SERVICE"], ["CAP_NET_BIND_SERVICE"]
    bundle.config["process"]["capabilities"] = _caps(SOME_CAPS, SOME_CAPS, SOME_CAPS, inheritable, ambient)
    bundle.config["process"]["noNewPrivileges"] = False
    ctx.run_checks(bundle, [("capset", "CapBnd", cap_mask(SOME_CAPS)), ("capset", "CapPrm", cap_mask(SOME_CAPS)),
                            ("capset", "CapEff", cap_mask(SOME_CAPS)), ("capset", "CapInh", cap_mask(inheritable)),
                            ("capset", "CapAmb", cap_mask(ambient))])


@requirement("config.process.caps-empty", "config.md", "Linux Process", "MUST", "capabilities: empty sets leave the process without capabilities")
def caps_empty(ctx):
    bundle = ctx.bundle()
    bundle.config["process"]["capabilities"] = _caps([], [], [], [], [])
    ctx.run_checks(bundle, [("capset", "CapBnd", "0"), ("capset", "CapPrm", "0"), ("capset", "CapEff", "0"),
                            ("capset", "CapInh", "0"), ("capset", "CapAmb", "0"),
                            ("mknod", "/tmp/conformance-node", "c", "1", "3", "fails")])


@requirement("config.process.caps-nonroot", "config.md", "Linux Process", "MUST", "capabilities: a non-root process keeps its ambient capabilities")
def caps_nonroot(ctx):
    bundle = ctx.bundle()
    caps = ["CAP_KILL", "CAP_NET_BIND_SERVICE"]
    bundle.config["process"]["user"] = {"uid": 1000, "gid": 1000}
    bundle.config["process"]["capabilities"] = _caps(caps, caps, caps, caps, caps)
    mask = cap_mask(caps)
    ctx.run_checks(bundle, [("uid", "1000"), ("capset", "CapBnd", mask), ("capset", "CapEff", mask), ("capset", "CapPrm", mask), ("capset", "CapAmb", mask)])


@requirement("config.process.caps-unknown", "config.md", "Linux Process", "SHOULD", "an unknown capability is logged, not fatal")
def caps_unknown(ctx):
    bundle = ctx.bundle()
    caps = ["CAP_KILL", "CAP_CONFORMANCE_UNKNOWN"]
    bundle.config["process"]["capabilities"] = _caps(caps, caps, caps, [], [])
    ctx.run_checks(bundle, [("capset", "CapBnd", cap_mask(["CAP_KILL"]))])


@requirement("config.process.caps-ungrantable", "config.md", "Linux Process", "SHOULD", "a capability the runtime cannot grant is logged, not fatal")
def caps_ungrantable(ctx):
    # runc 1.1 fails create ("unable to apply caps: operation not permitted"): a real deviation from this SHOULD.
    missing = [c for c in ("CAP_SYS_RESOURCE", "CAP_SYS_MODULE", "CAP_SYS_TIME", "CAP_MAC_ADMIN") if not has_capability(c)]
    if not missing:
        ctx.skip("the host grants every capability this test could ask for")
    bundle = ctx.bundle()
    caps = ["CAP_KILL", missing[0]]
    bundle.config["process"]["capabilities"] = _caps(caps, caps, caps, [], [])
    ctx.run_checks(bundle, [("status", "NoNewPrivs", "1")])


@requirement("config.process.rlimits", "config.md", "POSIX process", "MUST", "rlimits: getrlimit returns the configured soft and hard values")
def rlimits(ctx):
    bundle = ctx.bundle()
    bundle.config["process"]["rlimits"] = [
        {"type": "RLIMIT_NOFILE", "soft": 256, "hard": 512},
        {"type": "RLIMIT_CORE", "soft": 1024, "hard": 2048},
        {"type": "RLIMIT_MSGQUEUE", "soft": 4096, "hard": 8192},
        {"type": "RLIMIT_NPROC", "soft": 300, "hard": 400},
    ]
    ctx.run_checks(bundle, [("rlimit", "RLIMIT_NOFILE", "256", "512"), ("rlimit", "RLIMIT_CORE", "1024", "2048"),
                            ("rlimit", "RLIMIT_MSGQUEUE", "4096", "8192"), ("rlimit", "RLIMIT_NPROC", "300", "400")])


@requirement("config.process.rlimits-duplicate", "config.md", "POSIX process", "MUST", "duplicated rlimits entries generate an error")
def rlimits_duplicate(ctx):
    # runc 1.1 accepts duplicated rlimits (the last one wins): a real deviation.
    bundle = ctx.bundle()
    bundle.config["process"]["rlimits"] = [{"type": "RLIMIT_NOFILE", "soft": 256, "hard": 512}, {"type": "RLIMIT_NOFILE", "soft": 128, "hard": 256}]
    expect_create_or_start_fails(ctx, bundle, "two RLIMIT_NOFILE entries are refused")


@requirement("config.process.rlimits-unknown", "config.md", "POSIX process", "MUST", "an rlimit type that maps to no kernel resource generates an error")
def rlimits_unknown(ctx):
    bundle = ctx.bundle()
    bundle.config["process"]["rlimits"] = [{"type": "RLIMIT_CONFORMANCE", "soft": 1, "hard": 1}]
    expect_create_or_start_fails(ctx, bundle, "RLIMIT_CONFORMANCE is refused")


@requirement("config.process.no-new-privileges", "config.md", "Linux Process", "MUST", "noNewPrivileges true sets no_new_privs")
def no_new_privs(ctx):
    bundle = ctx.bundle()
    bundle.config["process"]["noNewPrivileges"] = True
    ctx.run_checks(bundle, [("status", "NoNewPrivs", "1")])


@requirement("config.process.no-new-privileges-false", "config.md", "Linux Process", "MUST", "noNewPrivileges false leaves no_new_privs clear")
def no_new_privs_false(ctx):
    bundle = ctx.bundle()
    bundle.config["process"]["noNewPrivileges"] = False
    ctx.run_checks(bundle, [("status", "NoNewPrivs", "0")])


@requirement("config.process.oom-score-adj", "config.md", "Linux Process", "MUST", "oomScoreAdj sets oom_score_adj")
def oom_score_adj(ctx):
    bundle = ctx.bundle()
    bundle.config["process"]["oomScoreAdj"] = 123
    ctx.run_checks(bundle, [("file", "/proc/self/oom_score_adj", "123")])


@requirement("config.process.oom-score-adj-unset", "config.md", "Linux Process", "MUST", "without oomScoreAdj the caller's oom_score_adj is not changed")
def oom_score_adj_unset(ctx):
    bundle = ctx.bundle()
    bundle.config["process"].pop("oomScoreAdj", None)
    ctx.run_checks(bundle, [("file", "/proc/self/oom_score_adj", "7")], oom_score_adj=7)
