#include "CLinuxShim.h"

int cls_unshare(int flags) { return unshare(flags); }
int cls_setns(int fd, int nstype) { return setns(fd, nstype); }
