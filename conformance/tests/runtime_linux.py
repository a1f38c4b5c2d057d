"""runtime-linux.md "File descriptors" and "Dev symbolic links"."""
from harness.requirement import requirement


@requirement("runtime-linux.dev-symlinks", "runtime-linux.md", "Dev symbolic links", "MUST", "/dev/fd, /dev/stdin, /dev/stdout and /dev/stderr link into /proc/self/fd")
def dev_symlinks(ctx):
    bundle = ctx.bundle()
    ctx.run_checks(bundle, [("symlink", "/dev/fd", "/proc/self/fd"), ("symlink", "/dev/stdin", "/proc/self/fd/0"),
                            ("symlink", "/dev/stdout", "/proc/self/fd/1"), ("symlink", "/dev/stderr", "/proc/self/fd/2")])


@requirement("runtime-linux.file-descriptors", "runtime-linux.md", "File descriptors", "MUST", "only stdin, stdout and stderr are open in the process by default")
def file_descriptors(ctx):
    bundle = ctx.bundle()
    ctx.run_checks(bundle, [("only-stdio",)])
