// CLinuxShim: thin C wrappers for kernel interfaces that Glibc does not expose to Swift
// (macros, variadic calls, _GNU_SOURCE-only functions, syscalls without a libc wrapper).
// Wrappers only: no logic. Every symbol is prefixed cls_ and uses plain integer types.
// Swift's Glibc module is built without _GNU_SOURCE, so dup3, pipe2, unshare, setresuid … are invisible there.
#ifndef CLINUXSHIM_H
#define CLINUXSHIM_H

// Must come before any include: without it <sched.h> hides unshare/setns and the CLONE_* flags.
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
// No struct-bearing system headers here: with _GNU_SOURCE their definitions (fd_set, sigset_t …) differ from
// Swift's Glibc module and the module fails to build. Structs cross as void pointers instead.

// MARK: files

/// dup3(2): GNU-only in glibc's headers.
int cls_dup3(int oldfd, int newfd, int flags);
/// pipe2(2): GNU-only (we always want O_CLOEXEC atomically).
int cls_pipe2(int fds[2], int flags);
/// openat2(2): no glibc wrapper; builds struct open_how.
int cls_openat2(int dirfd, const char *path, uint64_t flags, uint64_t mode, uint64_t resolve);
/// close_range(2): glibc wrapper is GNU-only and recent.
int cls_close_range(unsigned int first, unsigned int last, unsigned int flags);
/// ioctl(2) with an integer argument: ioctl is variadic.
int cls_ioctl_int(int fd, unsigned long request, unsigned long arg);
/// ioctl(2) with a pointer argument: ioctl is variadic.
int cls_ioctl_ptr(int fd, unsigned long request, void *arg);

// MARK: mounts

/// pivot_root(2): no glibc wrapper.
int cls_pivot_root(const char *new_root, const char *put_old);
/// mount_setattr(2): no glibc wrapper; builds struct mount_attr.
int cls_mount_setattr(int dirfd, const char *path, unsigned int flags,
                      uint64_t attr_set, uint64_t attr_clr, uint64_t propagation, uint64_t userns_fd);
/// open_tree(2): no glibc wrapper (glibc 2.36 only).
int cls_open_tree(int dirfd, const char *path, unsigned int flags);
/// move_mount(2): no glibc wrapper (glibc 2.36 only).
int cls_move_mount(int from_dirfd, const char *from_path, int to_dirfd, const char *to_path, unsigned int flags);

// MARK: namespaces and processes

/// unshare(2): GNU-only in <sched.h>.
int cls_unshare(int flags);
/// setns(2): GNU-only in <sched.h>.
int cls_setns(int fd, int nstype);
/// Raw SYS_clone with no new stack: fork-like (0 in the child), but can create namespaces (CLONE_NEWPID …).
/// glibc's cached TID is stale in the child: do not use raise()/pthread_kill there.
long cls_clone_fork(uint64_t flags);
/// clone3(2): no glibc wrapper. Fork-like (no stack). cgroup_fd is used with CLONE_INTO_CGROUP; with
/// CLONE_PIDFD the pidfd is stored in *pidfd_out.
long cls_clone3(uint64_t flags, int exit_signal, int cgroup_fd, int *pidfd_out);
/// pidfd_open(2): no glibc wrapper on Debian 12's glibc.
int cls_pidfd_open(int pid, unsigned int flags);
/// pidfd_send_signal(2): no glibc wrapper on Debian 12's glibc.
int cls_pidfd_send_signal(int pidfd, int sig, unsigned int flags);
/// gettid(2): GNU-only.
int cls_gettid(void);

// MARK: namespace maker
// The one place with logic of its own: the task below shares our memory, so its body must be raw syscalls
// only (no libc call may touch errno or any other per-thread state it would share with us).

/// Starts a task that shares our memory and fd table (CLONE_VM | CLONE_FILES, no exit signal), unshares
/// `nstype` (one CLONE_NEW* flag: net, ipc or uts) and opens its /proc/self/ns file (O_CLOEXEC) into the
/// shared table. One at a time (its stack is static). Returns the task's id, or -errno.
int cls_ns_maker_start(int nstype);
/// Waits for the task started by cls_ns_maker_start; returns the namespace fd, or -errno of the failed step.
int cls_ns_maker_finish(int tid);

/// fstatfs(2)'s f_type (e.g. PROC_SUPER_MAGIC) of the filesystem holding fd, or -1 (errno set): struct statfs is not in Glibc's module.
long cls_filesystem_type(int fd);
/// prctl(2): variadic.
int cls_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5);
/// personality(2): GNU-only header.
int cls_personality(unsigned long persona);
/// ioprio_set(2): no glibc wrapper.
int cls_ioprio_set(int which, int who, int ioprio);
/// sched_setattr(2): no glibc wrapper; builds struct sched_attr.
int cls_sched_setattr(int pid, uint32_t policy, uint64_t flags, int32_t nice, uint32_t priority,
                      uint64_t runtime, uint64_t deadline, uint64_t period);
/// sched_setaffinity(2): GNU-only; the mask is raw bytes (bit n = CPU n).
int cls_sched_setaffinity(int pid, size_t mask_size, const uint8_t *mask);
/// sched_getaffinity(2): GNU-only; returns the kernel's mask size in bytes, or -1.
int cls_sched_getaffinity(int pid, size_t mask_size, uint8_t *mask);

// MARK: credentials, capabilities, limits

/// setresuid(2): GNU-only. Raw syscall: glibc's wrapper would broadcast to all threads (we have one).
int cls_setresuid(uint32_t ruid, uint32_t euid, uint32_t suid);
/// setresgid(2): GNU-only, raw syscall for the same reason.
int cls_setresgid(uint32_t rgid, uint32_t egid, uint32_t sgid);
/// setgroups(2) as a raw syscall (per-thread, no glibc broadcast).
int cls_setgroups(size_t count, const uint32_t *groups);
/// capget(2) version 3, the 2x32-bit sets joined into 64-bit values.
int cls_capget(int pid, uint64_t *effective, uint64_t *permitted, uint64_t *inheritable);
/// capset(2) version 3 for the calling thread.
int cls_capset(uint64_t effective, uint64_t permitted, uint64_t inheritable);
/// prlimit64(2) with 64-bit values (RLIM_INFINITY = UINT64_MAX); set_new=0 only reads.
int cls_prlimit(int pid, int resource, int set_new, uint64_t soft, uint64_t hard,
                uint64_t *old_soft, uint64_t *old_hard);
/// keyctl(KEYCTL_JOIN_SESSION_KEYRING): no glibc wrapper (libkeyutils is not a dependency).
long cls_keyctl_join_session_keyring(const char *name);
/// keyctl(KEYCTL_SETPERM).
long cls_keyctl_setperm(int32_t key, uint32_t perm);

// MARK: signals

/// SIGRTMIN is a function-like macro.
int cls_sigrtmin(void);
/// SIGRTMAX is a function-like macro.
int cls_sigrtmax(void);
/// signalfd(2): GNU-only header <sys/signalfd.h>.
int cls_signalfd(int fd, const void *sigset, int flags);

// MARK: sockets (SCM_RIGHTS needs the CMSG_* macros)

/// CMSG_SPACE is a macro.
size_t cls_cmsg_space(size_t length);
/// CMSG_LEN is a macro.
size_t cls_cmsg_len(size_t length);
/// CMSG_FIRSTHDR is a macro.
void *cls_cmsg_firsthdr(void *msghdr);
/// CMSG_NXTHDR is a macro.
void *cls_cmsg_nxthdr(void *msghdr, void *cmsghdr);
/// CMSG_DATA is a macro.
void *cls_cmsg_data(void *cmsghdr);

// MARK: terminals

/// posix_openpt(3): hidden without _XOPEN_SOURCE in Swift's Glibc.
int cls_posix_openpt(int flags);
/// grantpt(3): same.
int cls_grantpt(int fd);
/// unlockpt(3): same.
int cls_unlockpt(int fd);
/// ptsname_r(3): GNU-only.
int cls_ptsname_r(int fd, char *buf, size_t len);

// MARK: raw kernel interfaces for later layers

/// bpf(2): no glibc wrapper; attr is a union bpf_attr built by the caller.
long cls_bpf(int cmd, void *attr, unsigned int size);
/// seccomp(2): no glibc wrapper; returns a listener fd with SECCOMP_FILTER_FLAG_NEW_LISTENER.
long cls_seccomp(unsigned int operation, unsigned int flags, void *args);

#endif
