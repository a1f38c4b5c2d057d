#include "CLinuxShim.h"

#include <signal.h>
#include <sys/socket.h>

#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/mount.h>
#include <linux/openat2.h>
#include <linux/sched.h>
#include <linux/keyctl.h>
#include <sched.h>
#include <sys/vfs.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int cls_dup3(int oldfd, int newfd, int flags) { return dup3(oldfd, newfd, flags); }
int cls_pipe2(int fds[2], int flags) { return pipe2(fds, flags); }

int cls_openat2(int dirfd, const char *path, uint64_t flags, uint64_t mode, uint64_t resolve) {
    struct open_how how;
    memset(&how, 0, sizeof how);
    how.flags = flags;
    how.mode = mode;
    how.resolve = resolve;
    return (int)syscall(SYS_openat2, dirfd, path, &how, sizeof how);
}

int cls_close_range(unsigned int first, unsigned int last, unsigned int flags) {
    return (int)syscall(SYS_close_range, first, last, flags);
}

int cls_ioctl_int(int fd, unsigned long request, unsigned long arg) { return ioctl(fd, request, arg); }
int cls_ioctl_ptr(int fd, unsigned long request, void *arg) { return ioctl(fd, request, arg); }

int cls_pivot_root(const char *new_root, const char *put_old) {
    return (int)syscall(SYS_pivot_root, new_root, put_old);
}

int cls_mount_setattr(int dirfd, const char *path, unsigned int flags,
                      uint64_t attr_set, uint64_t attr_clr, uint64_t propagation, uint64_t userns_fd) {
    struct mount_attr attr;
    memset(&attr, 0, sizeof attr);
    attr.attr_set = attr_set;
    attr.attr_clr = attr_clr;
    attr.propagation = propagation;
    attr.userns_fd = userns_fd;
    return (int)syscall(SYS_mount_setattr, dirfd, path, flags, &attr, sizeof attr);
}

int cls_open_tree(int dirfd, const char *path, unsigned int flags) {
    return (int)syscall(SYS_open_tree, dirfd, path, flags);
}

int cls_move_mount(int from_dirfd, const char *from_path, int to_dirfd, const char *to_path, unsigned int flags) {
    return (int)syscall(SYS_move_mount, from_dirfd, from_path, to_dirfd, to_path, flags);
}

int cls_unshare(int flags) { return unshare(flags); }
int cls_setns(int fd, int nstype) { return setns(fd, nstype); }

long cls_clone_fork(uint64_t flags) {
    // x86_64 argument order: flags, stack, parent_tid, child_tid, tls. No stack: the child runs on a COW copy.
    return syscall(SYS_clone, (unsigned long)flags, NULL, NULL, NULL, 0);
}

long cls_clone3(uint64_t flags, int exit_signal, int cgroup_fd, int *pidfd_out) {
    struct clone_args args;
    memset(&args, 0, sizeof args);
    args.flags = flags;
    args.exit_signal = (uint64_t)exit_signal;
    args.pidfd = (uint64_t)(uintptr_t)pidfd_out;
    args.cgroup = (uint64_t)cgroup_fd;
    return syscall(SYS_clone3, &args, sizeof args);
}

int cls_pidfd_open(int pid, unsigned int flags) { return (int)syscall(SYS_pidfd_open, pid, flags); }
int cls_pidfd_send_signal(int pidfd, int sig, unsigned int flags) {
    return (int)syscall(SYS_pidfd_send_signal, pidfd, sig, NULL, flags);
}
int cls_gettid(void) { return (int)syscall(SYS_gettid); }

// MARK: namespace maker

#if defined(__x86_64__)
static inline long maker_syscall(long number, long a, long b, long c) {
    long result;
    register long r10 __asm__("r10") = 0;
    __asm__ volatile("syscall" : "=a"(result) : "a"(number), "D"(a), "S"(b), "d"(c), "r"(r10) : "rcx", "r11", "memory");
    return result;
}
#elif defined(__aarch64__)
static inline long maker_syscall(long number, long a, long b, long c) {
    register long x8 __asm__("x8") = number;
    register long x0 __asm__("x0") = a;
    register long x1 __asm__("x1") = b;
    register long x2 __asm__("x2") = c;
    __asm__ volatile("svc 0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory");
    return x0;
}
#else
#error "cls_ns_maker: raw syscalls are written for x86_64 and aarch64 only"
#endif

static struct {
    int nstype;
    int avoid_cpu;         // the caller's CPU when it started the task, or -1
    const char *path;
    volatile int result;   // the namespace fd, or -errno
    int busy;
} ns_maker;
static unsigned char ns_maker_stack[16384] __attribute__((aligned(64)));

static int ns_maker_body(void *unused) {
    (void)unused;
    // The scheduler tends to start a new task on its parent's CPU, where it would only take turns with the
    // parent: move to any other CPU (an error, e.g. a single-CPU cpuset, just leaves the task where it is).
    if (ns_maker.avoid_cpu >= 0 && ns_maker.avoid_cpu < 1024) {
        unsigned long mask[1024 / (8 * sizeof(unsigned long))];
        for (size_t i = 0; i < sizeof mask / sizeof mask[0]; i++) mask[i] = ~0UL;
        mask[ns_maker.avoid_cpu / (8 * sizeof(unsigned long))] &= ~(1UL << (ns_maker.avoid_cpu % (8 * sizeof(unsigned long))));
        maker_syscall(SYS_sched_setaffinity, 0, sizeof mask, (long)mask);
    }
    long result = maker_syscall(SYS_unshare, ns_maker.nstype, 0, 0);
    if (result == 0) result = maker_syscall(SYS_openat, AT_FDCWD, (long)ns_maker.path, O_RDONLY | O_CLOEXEC);
    ns_maker.result = (int)result;
    return 0;   // glibc's clone then makes the exit syscall: no TLS involved
}

int cls_ns_maker_start(int nstype) {
    const char *path;
    switch (nstype) {
    case CLONE_NEWNET: path = "/proc/self/ns/net"; break;
    case CLONE_NEWIPC: path = "/proc/self/ns/ipc"; break;
    case CLONE_NEWUTS: path = "/proc/self/ns/uts"; break;
    default: return -EINVAL;
    }
    if (ns_maker.busy) return -EBUSY;
    ns_maker.nstype = nstype;
    ns_maker.avoid_cpu = sched_getcpu();
    ns_maker.path = path;
    ns_maker.result = -EINPROGRESS;
    int tid = clone(ns_maker_body, ns_maker_stack + sizeof ns_maker_stack, CLONE_VM | CLONE_FILES, NULL);
    if (tid < 0) return -errno;
    ns_maker.busy = 1;
    return tid;
}

int cls_ns_maker_finish(int tid) {
    int status;
    while (waitpid(tid, &status, __WALL) < 0) {
        if (errno != EINTR) { ns_maker.busy = 0; return -errno; }
    }
    ns_maker.busy = 0;
    return ns_maker.result;
}

long cls_filesystem_type(int fd) {
    struct statfs info;
    return fstatfs(fd, &info) == 0 ? (long)info.f_type : -1;
}

int cls_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5) {
    return prctl(option, arg2, arg3, arg4, arg5);
}

int cls_personality(unsigned long persona) { return personality(persona); }
int cls_ioprio_set(int which, int who, int ioprio) { return (int)syscall(SYS_ioprio_set, which, who, ioprio); }

int cls_sched_setattr(int pid, uint32_t policy, uint64_t flags, int32_t nice, uint32_t priority,
                      uint64_t runtime, uint64_t deadline, uint64_t period) {
    // struct sched_attr (SCHED_ATTR_SIZE_VER1): <linux/sched/types.h> clashes with glibc's <sched.h>.
    struct {
        uint32_t size, sched_policy;
        uint64_t sched_flags;
        int32_t sched_nice;
        uint32_t sched_priority;
        uint64_t sched_runtime, sched_deadline, sched_period;
        uint32_t sched_util_min, sched_util_max;
    } attr;
    memset(&attr, 0, sizeof attr);
    attr.size = sizeof attr;
    attr.sched_policy = policy;
    attr.sched_flags = flags;
    attr.sched_nice = nice;
    attr.sched_priority = priority;
    attr.sched_runtime = runtime;
    attr.sched_deadline = deadline;
    attr.sched_period = period;
    return (int)syscall(SYS_sched_setattr, pid, &attr, 0);
}

int cls_sched_setaffinity(int pid, size_t mask_size, const uint8_t *mask) {
    return (int)syscall(SYS_sched_setaffinity, pid, mask_size, mask);
}
int cls_sched_getaffinity(int pid, size_t mask_size, uint8_t *mask) {
    return (int)syscall(SYS_sched_getaffinity, pid, mask_size, mask);
}

int cls_setresuid(uint32_t ruid, uint32_t euid, uint32_t suid) { return (int)syscall(SYS_setresuid, ruid, euid, suid); }
int cls_setresgid(uint32_t rgid, uint32_t egid, uint32_t sgid) { return (int)syscall(SYS_setresgid, rgid, egid, sgid); }
int cls_setgroups(size_t count, const uint32_t *groups) { return (int)syscall(SYS_setgroups, count, groups); }

int cls_capget(int pid, uint64_t *effective, uint64_t *permitted, uint64_t *inheritable) {
    struct __user_cap_header_struct header = { .version = _LINUX_CAPABILITY_VERSION_3, .pid = pid };
    struct __user_cap_data_struct data[2];
    memset(data, 0, sizeof data);
    int rc = (int)syscall(SYS_capget, &header, data);
    if (rc != 0) return rc;
    *effective = (uint64_t)data[0].effective | ((uint64_t)data[1].effective << 32);
    *permitted = (uint64_t)data[0].permitted | ((uint64_t)data[1].permitted << 32);
    *inheritable = (uint64_t)data[0].inheritable | ((uint64_t)data[1].inheritable << 32);
    return 0;
}

int cls_capset(uint64_t effective, uint64_t permitted, uint64_t inheritable) {
    struct __user_cap_header_struct header = { .version = _LINUX_CAPABILITY_VERSION_3, .pid = 0 };
    struct __user_cap_data_struct data[2] = {
        { .effective = (uint32_t)effective, .permitted = (uint32_t)permitted, .inheritable = (uint32_t)inheritable },
        { .effective = (uint32_t)(effective >> 32), .permitted = (uint32_t)(permitted >> 32),
          .inheritable = (uint32_t)(inheritable >> 32) },
    };
    return (int)syscall(SYS_capset, &header, data);
}

int cls_prlimit(int pid, int resource, int set_new, uint64_t soft, uint64_t hard,
                uint64_t *old_soft, uint64_t *old_hard) {
    uint64_t new_limit[2] = { soft, hard };
    uint64_t old_limit[2] = { 0, 0 };
    int rc = (int)syscall(SYS_prlimit64, pid, resource, set_new ? new_limit : NULL, old_limit);
    if (rc != 0) return rc;
    if (old_soft) *old_soft = old_limit[0];
    if (old_hard) *old_hard = old_limit[1];
    return 0;
}

long cls_keyctl_join_session_keyring(const char *name) {
    return syscall(SYS_keyctl, KEYCTL_JOIN_SESSION_KEYRING, name, 0, 0, 0);
}
long cls_keyctl_setperm(int32_t key, uint32_t perm) { return syscall(SYS_keyctl, KEYCTL_SETPERM, key, perm, 0, 0); }

int cls_sigrtmin(void) { return SIGRTMIN; }
int cls_sigrtmax(void) { return SIGRTMAX; }
int cls_signalfd(int fd, const void *sigset, int flags) { return signalfd(fd, (const sigset_t *)sigset, flags); }

size_t cls_cmsg_space(size_t length) { return CMSG_SPACE(length); }
size_t cls_cmsg_len(size_t length) { return CMSG_LEN(length); }
void *cls_cmsg_firsthdr(void *msghdr) { return CMSG_FIRSTHDR((struct msghdr *)msghdr); }
void *cls_cmsg_nxthdr(void *msghdr, void *cmsghdr) {
    return CMSG_NXTHDR((struct msghdr *)msghdr, (struct cmsghdr *)cmsghdr);
}
void *cls_cmsg_data(void *cmsghdr) { return CMSG_DATA((struct cmsghdr *)cmsghdr); }

int cls_posix_openpt(int flags) { return posix_openpt(flags); }
int cls_grantpt(int fd) { return grantpt(fd); }
int cls_unlockpt(int fd) { return unlockpt(fd); }
int cls_ptsname_r(int fd, char *buf, size_t len) { return ptsname_r(fd, buf, len); }

long cls_bpf(int cmd, void *attr, unsigned int size) { return syscall(SYS_bpf, cmd, attr, size); }
long cls_seccomp(unsigned int operation, unsigned int flags, void *args) {
    return syscall(SYS_seccomp, operation, flags, args);
}
