"""config-linux.md "Seccomp": actions, errno return values, argument filters and the default action.
The checker makes each syscall in a forked child, so a kill action ends only that child."""
import ctypes

from harness.host import syscall_names
from harness.requirement import requirement

SECTION = "Seccomp"
ARCHES = ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"]
SIGSYS = 31
EPERM = 1


def _profile(bundle, syscalls, default="SCMP_ACT_ALLOW", **extra):
    profile = {"defaultAction": default, "architectures": ARCHES, "syscalls": syscalls}
    profile.update(extra)
    bundle.config["linux"]["seccomp"] = profile


def _action_test(action, expectation, extra=None):
    def run(ctx):
        bundle = ctx.bundle()
        rule = {"names": ["getppid"], "action": action}
        rule.update(extra or {})
        _profile(bundle, [rule])
        ctx.run_checks(bundle, [("status", "Seccomp", "2"), ("syscall", "getppid", "0", expectation), ("syscall", "getpgid", "0", "ok")])
    return run


for _action, _expectation, _extra, _text in [
    ("SCMP_ACT_ERRNO", f"errno:{EPERM}", None, "SCMP_ACT_ERRNO fails the syscall with EPERM by default"),
    ("SCMP_ACT_ERRNO", "errno:42", {"errnoRet": 42}, "errnoRet sets the errno of SCMP_ACT_ERRNO"),
    ("SCMP_ACT_KILL", f"signal:{SIGSYS}", None, "SCMP_ACT_KILL kills the calling thread with SIGSYS"),
    ("SCMP_ACT_KILL_PROCESS", f"signal:{SIGSYS}", None, "SCMP_ACT_KILL_PROCESS kills the process with SIGSYS"),
    ("SCMP_ACT_TRAP", f"signal:{SIGSYS}", None, "SCMP_ACT_TRAP delivers SIGSYS"),
    ("SCMP_ACT_LOG", "ok", None, "SCMP_ACT_LOG allows the syscall"),
]:
    _id = _action.lower().replace("scmp_act_", "") + ("-errnoret" if _extra else "")
    requirement(f"config-linux.seccomp.{_id}", "config-linux.md", SECTION, "MUST", _text)(_action_test(_action, _expectation, _extra))


@requirement("config-linux.seccomp.args", "config-linux.md", SECTION, "MUST", "args conditions restrict a rule to matching argument values")
def args_filter(ctx):
    bundle = ctx.bundle()
    _profile(bundle, [{"names": ["getpgid"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13,
                       "args": [{"index": 0, "value": 4242, "op": "SCMP_CMP_EQ"}]},
                      {"names": ["getsid"], "action": "SCMP_ACT_ERRNO", "errnoRet": 14,
                       "args": [{"index": 0, "value": 1000, "op": "SCMP_CMP_GT"}]}])
    ctx.run_checks(bundle, [("syscall", "getpgid", "4242", "errno:13"), ("syscall", "getpgid", "0", "ok"),
                            ("syscall", "getsid", "5000", "errno:14"), ("syscall", "getsid", "0", "ok")])


@requirement("config-linux.seccomp.masked-eq", "config-linux.md", SECTION, "MUST", "SCMP_CMP_MASKED_EQ compares the masked argument")
def masked_eq(ctx):
    bundle = ctx.bundle()
    _profile(bundle, [{"names": ["getpgid"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13,
                       "args": [{"index": 0, "value": 0xff00, "valueTwo": 0x4200, "op": "SCMP_CMP_MASKED_EQ"}]}])
    ctx.run_checks(bundle, [("syscall", "getpgid", "0x4211", "errno:13"), ("syscall", "getpgid", "0x4311", "errno:3")])


def _resolvable(names):
    """The names this host's libseccomp knows (a runtime may reject unknown ones)."""
    try:
        lib = ctypes.CDLL("libseccomp.so.2")
        lib.seccomp_syscall_resolve_name.argtypes = [ctypes.c_char_p]
        return [n for n in names if lib.seccomp_syscall_resolve_name(n.encode()) >= 0]
    except OSError:
        return names


@requirement("config-linux.seccomp.default-action", "config-linux.md", SECTION, "MUST", "defaultAction and defaultErrnoRet apply to syscalls no rule matches")
def default_action(ctx):
    names = _resolvable([n for n in syscall_names() if n != "getppid"])
    if not names:
        ctx.skip("the host has no syscall table header to build an allow-list from")
    bundle = ctx.bundle()
    _profile(bundle, [{"names": names, "action": "SCMP_ACT_ALLOW"}], default="SCMP_ACT_ERRNO", defaultErrnoRet=38)
    ctx.run_checks(bundle, [("syscall", "getppid", "0", "errno:38"), ("syscall", "getpgid", "0", "ok")])
