"""config.md "Hostname", "Domainname", "Annotations", "Extensibility" and "Valid values"."""
from harness.requirement import requirement

from .support import expect_create_or_start_fails


@requirement("config.hostname", "config.md", "Hostname", "MUST", "hostname is the hostname seen inside the container's UTS namespace")
def hostname(ctx):
    bundle = ctx.bundle()
    bundle.config["hostname"] = "conformance-host"
    ctx.run_checks(bundle, [("hostname", "conformance-host")])


@requirement("config.domainname", "config.md", "Domainname", "MUST", "domainname is the domainname seen inside the container's UTS namespace")
def domainname(ctx):
    # runc 1.1 ignores domainname (support came in runc 1.2): a real deviation.
    bundle = ctx.bundle()
    bundle.config["domainname"] = "conformance.test"
    ctx.run_checks(bundle, [("domainname", "conformance.test")])


@requirement("config.annotations.unknown-keys", "config.md", "Annotations", "MUST", "unknown annotation keys are handled like unknown properties (no error)")
def annotations(ctx):
    bundle = ctx.bundle()
    bundle.config["annotations"] = {"com.example.conformance/anything": "x", "org.example.empty": ""}
    ctx.run_checks(bundle, [("pid", "1")])


@requirement("config.extensibility", "config.md", "Extensibility", "MUST", "unknown properties are ignored, not errors")
def extensibility(ctx):
    bundle = ctx.bundle()
    bundle.config["conformanceUnknownTop"] = {"nested": [1, 2, 3]}
    bundle.config["process"]["conformanceUnknown"] = True
    bundle.config["linux"]["conformanceUnknown"] = "value"
    ctx.run_checks(bundle, [("pid", "1")])


@requirement("config.valid-values.namespace", "config.md", "Valid values", "MUST", "an invalid namespace type generates an error")
def invalid_namespace(ctx):
    bundle = ctx.bundle()
    bundle.config["linux"]["namespaces"].append({"type": "conformance"})
    expect_create_or_start_fails(ctx, bundle, "namespace type \"conformance\" is refused")


@requirement("config.valid-values.propagation", "config.md", "Valid values", "MUST", "an invalid rootfsPropagation generates an error")
def invalid_propagation(ctx):
    bundle = ctx.bundle()
    bundle.config["linux"]["rootfsPropagation"] = "conformance"
    expect_create_or_start_fails(ctx, bundle, "rootfsPropagation \"conformance\" is refused")


@requirement("config.valid-values.seccomp-action", "config.md", "Valid values", "MUST", "an invalid seccomp action generates an error")
def invalid_seccomp_action(ctx):
    bundle = ctx.bundle()
    bundle.config["linux"]["seccomp"] = {"defaultAction": "SCMP_ACT_ALLOW",
                                         "syscalls": [{"names": ["getppid"], "action": "SCMP_ACT_CONFORMANCE"}]}
    expect_create_or_start_fails(ctx, bundle, "action SCMP_ACT_CONFORMANCE is refused")
