// CSeccomp: libseccomp (Debian's libseccomp-dev 2.5.4) plus the few kernel interfaces the Seccomp module needs
// that Swift cannot import: function-like macros and ioctl numbers built by macros, and syscalls without a
// glibc wrapper. Wrappers only, prefixed csc_, no logic.
#ifndef CSECCOMP_SHIM_H
#define CSECCOMP_SHIM_H

#include <seccomp.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

/// SCMP_ACT_ERRNO(x) is a function-like macro.
static inline uint32_t csc_act_errno(uint32_t errno_value) { return SCMP_ACT_ERRNO(errno_value); }
/// SCMP_ACT_TRACE(x) is a function-like macro.
static inline uint32_t csc_act_trace(uint32_t message) { return SCMP_ACT_TRACE(message); }

/// memfd_create(2): GNU-only in <sys/mman.h>; the compiled BPF is exported into one (libseccomp 2.5 exports to fds only).
static inline int csc_memfd_create(const char *name, unsigned int flags) {
    return (int)syscall(SYS_memfd_create, name, flags);
}

/// seccomp(2): no glibc wrapper. Async-signal-safe: the child calls it between fork and exec.
static inline long csc_seccomp(unsigned int operation, unsigned int flags, void *args) {
    return syscall(SYS_seccomp, operation, flags, args);
}

/// pidfd_getfd(2): no glibc wrapper; how a parent takes a child's notify fd without the child calling sendmsg.
static inline int csc_pidfd_getfd(int pidfd, int target_fd) {
    return (int)syscall(SYS_pidfd_getfd, pidfd, target_fd, 0);
}

/// SECCOMP_IOCTL_NOTIF_RECV is built by _IOWR; ioctl is variadic.
static inline int csc_notif_recv(int listener_fd, struct seccomp_notif *notification) {
    return ioctl(listener_fd, SECCOMP_IOCTL_NOTIF_RECV, notification);
}

/// SECCOMP_IOCTL_NOTIF_SEND is built by _IOWR; ioctl is variadic.
static inline int csc_notif_send(int listener_fd, struct seccomp_notif_resp *response) {
    return ioctl(listener_fd, SECCOMP_IOCTL_NOTIF_SEND, response);
}

#endif
