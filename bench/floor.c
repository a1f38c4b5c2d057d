/*
 * floor: the "fair floor" for the start-up benchmark (a bench helper, not part of swiftlet).
 *
 * It does what any runtime minimally must do to run /bin/true from the default `runc spec` bundle,
 * and nothing else: no config parsing, no state, no cgroups, no capabilities, no seccomp.
 *   clone into new pid, mount, uts, ipc and net namespaces
 *   make / rslave, bind the rootfs onto itself
 *   mount /proc, /dev (tmpfs + default nodes and symlinks), /dev/pts, /dev/shm, /dev/mqueue, /sys
 *   set the hostname, pivot_root, detach the old root, remount / read-only, exec, wait
 * What a runtime spends beyond this is its own overhead.
 *
 * usage: floor [-r] ROOTFS [CMD [ARG...]]     (CMD defaults to /bin/true)
 *   -r  print the child's peak RSS (VmHWM, kB) just before exec, to stderr, as "floor-init-vmhwm-kb N"
 * exit status: the child's, or 125 when setup failed (with "floor: stage: op path: error" on stderr).
 *
 * build: gcc -O2 -static -o floor floor.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#define SETUP_FAILED 125

struct plan {
    const char *rootfs;
    char **argv;
    int report_vmhwm;
};

static void fail(const char *stage, const char *op, const char *path) {
    fprintf(stderr, "floor: %s: %s %s: %s\n", stage, op, path ? path : "", strerror(errno));
    _exit(SETUP_FAILED);
}

static void mount_or_fail(const char *src, const char *dst, const char *type, unsigned long flags, const char *data) {
    if (mount(src, dst, type, flags, data) < 0) fail("mount", type ? type : "bind", dst);
}

/* The nodes the runtime-spec requires in every container's /dev (config-linux.md, "Default Devices"). */
static void make_default_devices(void) {
    static const struct { const char *path; unsigned major, minor; } nodes[] = {
        {"dev/null", 1, 3}, {"dev/zero", 1, 5}, {"dev/full", 1, 7},
        {"dev/random", 1, 8}, {"dev/urandom", 1, 9}, {"dev/tty", 5, 0},
    };
    for (size_t i = 0; i < sizeof nodes / sizeof nodes[0]; i++)
        if (mknod(nodes[i].path, S_IFCHR | 0666, makedev(nodes[i].major, nodes[i].minor)) < 0)
            fail("devices", "mknod", nodes[i].path);
    static const struct { const char *target, *link; } links[] = {
        {"/proc/self/fd", "dev/fd"}, {"/proc/self/fd/0", "dev/stdin"},
        {"/proc/self/fd/1", "dev/stdout"}, {"/proc/self/fd/2", "dev/stderr"},
        {"pts/ptmx", "dev/ptmx"},
    };
    for (size_t i = 0; i < sizeof links / sizeof links[0]; i++)
        if (symlink(links[i].target, links[i].link) < 0) fail("devices", "symlink", links[i].link);
}

/* Relative to the rootfs (the cwd): the mounts of the default `runc spec` config.json. */
static void mount_filesystems(void) {
    const unsigned long nosuid_noexec_nodev = MS_NOSUID | MS_NOEXEC | MS_NODEV;
    mount_or_fail("proc", "proc", "proc", 0, NULL);
    mount_or_fail("tmpfs", "dev", "tmpfs", MS_NOSUID | MS_STRICTATIME, "mode=755,size=65536k");
    if (mkdir("dev/pts", 0755) < 0) fail("mounts", "mkdir", "dev/pts");
    mount_or_fail("devpts", "dev/pts", "devpts", MS_NOSUID | MS_NOEXEC, "newinstance,ptmxmode=0666,mode=0620");
    if (mkdir("dev/shm", 01777) < 0) fail("mounts", "mkdir", "dev/shm");
    mount_or_fail("shm", "dev/shm", "tmpfs", nosuid_noexec_nodev, "mode=1777,size=65536k");
    if (mkdir("dev/mqueue", 0755) < 0) fail("mounts", "mkdir", "dev/mqueue");
    mount_or_fail("mqueue", "dev/mqueue", "mqueue", nosuid_noexec_nodev, NULL);
    mount_or_fail("sysfs", "sys", "sysfs", nosuid_noexec_nodev | MS_RDONLY, NULL);
    make_default_devices();
}

static void report_vmhwm(void) {
    FILE *status = fopen("/proc/self/status", "r");
    if (!status) fail("report", "open", "/proc/self/status");
    char line[256];
    while (fgets(line, sizeof line, status))
        if (strncmp(line, "VmHWM:", 6) == 0) fprintf(stderr, "floor-init-vmhwm-kb %ld\n", strtol(line + 6, NULL, 10));
    fclose(status);
}

static int container_init(void *arg) {
    const struct plan *plan = arg;
    /* rslave first, so nothing below propagates back to the host's mount namespace. */
    mount_or_fail(NULL, "/", NULL, MS_REC | MS_SLAVE, NULL);
    /* pivot_root needs the new root to be a mount point. */
    mount_or_fail(plan->rootfs, plan->rootfs, NULL, MS_BIND | MS_REC, NULL);
    if (chdir(plan->rootfs) < 0) fail("rootfs", "chdir", plan->rootfs);
    mount_filesystems();
    if (sethostname("runc", 4) < 0) fail("hostname", "sethostname", "runc");
    /* pivot_root(".", ".") stacks the old root on the new one; detaching "." then drops it, no put_old dir needed. */
    if (syscall(SYS_pivot_root, ".", ".") < 0) fail("rootfs", "pivot_root", plan->rootfs);
    if (umount2(".", MNT_DETACH) < 0) fail("rootfs", "umount2", "old root");
    if (chdir("/") < 0) fail("rootfs", "chdir", "/");
    mount_or_fail(NULL, "/", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL); /* root.readonly: true */
    if (plan->report_vmhwm) report_vmhwm();
    execv(plan->argv[0], plan->argv);
    fail("exec", "execv", plan->argv[0]);
    return SETUP_FAILED;
}

int main(int argc, char **argv) {
    static char stack[256 * 1024] __attribute__((aligned(16)));
    static char *default_argv[] = {"/bin/true", NULL};
    struct plan plan = {0};
    int arg = 1;
    if (arg < argc && strcmp(argv[arg], "-r") == 0) { plan.report_vmhwm = 1; arg++; }
    if (arg >= argc) { fprintf(stderr, "usage: floor [-r] ROOTFS [CMD [ARG...]]\n"); return 2; }
    plan.rootfs = argv[arg++];
    plan.argv = arg < argc ? &argv[arg] : default_argv;

    int flags = CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNET | SIGCHLD;
    pid_t child = clone(container_init, stack + sizeof stack, flags, &plan);
    if (child < 0) { perror("floor: clone"); return SETUP_FAILED; }
    int status;
    while (waitpid(child, &status, 0) < 0)
        if (errno != EINTR) { perror("floor: waitpid"); return SETUP_FAILED; }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + WTERMSIG(status);
}
