// CLinuxShim: thin C wrappers for kernel interfaces that Glibc does not expose to Swift
// (macros, variadic calls, syscalls without a libc wrapper). Wrappers only: no logic.
// Every symbol is prefixed cls_ and uses plain integer types.
#ifndef CLINUXSHIM_H
#define CLINUXSHIM_H

// Must come before any include: without it <sched.h> hides unshare/setns and the CLONE_* flags.
#define _GNU_SOURCE
#include <sched.h>
#include <stdint.h>
#include <sys/types.h>

/// unshare(2); returns 0 or -1 with errno set.
int cls_unshare(int flags);
/// setns(2).
int cls_setns(int fd, int nstype);

#endif
