/*
 * checker: runs inside a container and verifies, from the inside, what the process sees.
 *
 * Usage: /checker CHECK [ARG...] [CHECK [ARG...]]...
 * Every CHECK has a fixed number of arguments (see the table in `checks` below). For the i-th
 * check (counting from 1) the checker prints exactly one line:
 *     ok i <check> <args...>
 *     not ok i <check> <args...> # <what it saw instead>
 * The conformance runner folds these lines into its own TAP output. Action words
 * (`sleep`, `stderr`) print nothing. The checker is static so it needs nothing from the rootfs.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <sched.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_LINE 4096
#define MAX_MOUNTS 512

/* The verdict of one check: empty `why` means it passed. */
static char why[1024];

static int fail(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    return 0;
}

/* Reads at most `cap - 1` bytes of a file; returns -1 with errno set on failure. */
static ssize_t read_file(const char *path, char *buf, size_t cap) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    size_t len = 0;
    while (len + 1 < cap) {
        ssize_t n = read(fd, buf + len, cap - 1 - len);
        if (n < 0) {
            if (errno == EINTR) continue;
            int saved = errno;
            close(fd);
            errno = saved;
            return -1;
        }
        if (n == 0) break;
        len += (size_t)n;
    }
    buf[len] = '\0';
    close(fd);
    return (ssize_t)len;
}

/* Collapses runs of whitespace into one space and trims both ends, in place. */
static void normalize_space(char *s) {
    char *out = s;
    int pending = 0;
    for (char *p = s; *p; p++) {
        if (isspace((unsigned char)*p)) {
            pending = out != s;
            continue;
        }
        if (pending) *out++ = ' ';
        pending = 0;
        *out++ = *p;
    }
    *out = '\0';
}

/* Finds "Key:\tvalue" in /proc/self/status and copies the trimmed value. */
static int proc_status_field(const char *key, char *value, size_t cap) {
    char buf[8192];
    if (read_file("/proc/self/status", buf, sizeof buf) < 0) return fail("read /proc/self/status: %s", strerror(errno));
    size_t klen = strlen(key);
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, key, klen) == 0 && line[klen] == ':') {
            snprintf(value, cap, "%s", line + klen + 1);
            normalize_space(value);
            return 1;
        }
    }
    return fail("no %s in /proc/self/status", key);
}

/* ---- identity ---------------------------------------------------------------------------- */

static int check_uid(char **a) {
    uid_t r, e, s;
    getresuid(&r, &e, &s);
    long want = strtol(a[0], NULL, 10);
    if (r != (uid_t)want || e != (uid_t)want || s != (uid_t)want) return fail("uid real=%u effective=%u saved=%u", r, e, s);
    return 1;
}

static int check_gid(char **a) {
    gid_t r, e, s;
    getresgid(&r, &e, &s);
    long want = strtol(a[0], NULL, 10);
    if (r != (gid_t)want || e != (gid_t)want || s != (gid_t)want) return fail("gid real=%u effective=%u saved=%u", r, e, s);
    return 1;
}

static void format_groups(char *out, size_t cap) {
    gid_t groups[256];
    int n = getgroups(256, groups);
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; i < n && len < cap; i++) len += (size_t)snprintf(out + len, cap - len, "%s%u", i ? "," : "", groups[i]);
    if (n <= 0) snprintf(out, cap, "(none)");
}

/* Every gid in the comma-separated list must be a supplementary group. */
static int check_groups_include(char **a) {
    gid_t groups[256];
    int n = getgroups(256, groups);
    char list[512], seen[1024];
    snprintf(list, sizeof list, "%s", a[0]);
    for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
        gid_t want = (gid_t)strtoul(tok, NULL, 10);
        int found = 0;
        for (int i = 0; i < n; i++) found |= groups[i] == want;
        if (!found) {
            format_groups(seen, sizeof seen);
            return fail("groups are %s", seen);
        }
    }
    return 1;
}

/* The supplementary groups must be exactly the list ("-" for none), in any order. */
static int check_groups_exact(char **a) {
    gid_t groups[256];
    int n = getgroups(256, groups);
    char list[512], seen[1024];
    int want_count = 0;
    format_groups(seen, sizeof seen);
    snprintf(list, sizeof list, "%s", strcmp(a[0], "-") == 0 ? "" : a[0]);
    for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
        gid_t want = (gid_t)strtoul(tok, NULL, 10);
        int found = 0;
        for (int i = 0; i < n; i++) found |= groups[i] == want;
        if (!found) return fail("groups are %s", seen);
        want_count++;
    }
    if (n != want_count) return fail("groups are %s", seen);
    return 1;
}

static int check_umask(char **a) {
    char value[64];
    if (!proc_status_field("Umask", value, sizeof value)) return 0;
    if (strtoul(value, NULL, 8) != strtoul(a[0], NULL, 8)) return fail("umask is %s", value);
    return 1;
}

static int check_cwd(char **a) {
    char buf[PATH_MAX];
    if (!getcwd(buf, sizeof buf)) return fail("getcwd: %s", strerror(errno));
    if (strcmp(buf, a[0]) != 0) return fail("cwd is %s", buf);
    return 1;
}

/* a[0] is NAME=VALUE: the variable must be set to exactly VALUE. */
static int check_env(char **a) {
    char name[512];
    const char *eq = strchr(a[0], '=');
    if (!eq) return fail("bad expectation %s", a[0]);
    snprintf(name, sizeof name, "%.*s", (int)(eq - a[0]), a[0]);
    const char *value = getenv(name);
    if (!value) return fail("%s is unset", name);
    if (strcmp(value, eq + 1) != 0) return fail("%s=%s", name, value);
    return 1;
}

static int check_unset(char **a) {
    const char *value = getenv(a[0]);
    if (value) return fail("%s=%s", a[0], value);
    return 1;
}

static int check_hostname(char **a) {
    struct utsname u;
    uname(&u);
    if (strcmp(u.nodename, a[0]) != 0) return fail("hostname is %s", u.nodename);
    return 1;
}

static int check_domainname(char **a) {
    struct utsname u;
    uname(&u);
    if (strcmp(u.domainname, a[0]) != 0) return fail("domainname is %s", u.domainname);
    return 1;
}

static int check_pid(char **a) {
    long want = strtol(a[0], NULL, 10);
    if (getpid() != want) return fail("pid is %d", getpid());
    return 1;
}

/* ---- /proc/self/status, rlimits, files ---------------------------------------------------- */

/* Compares a /proc/self/status capability mask (CapEff, CapPrm, ...) with a hex mask. */
static int check_capset(char **a) {
    char value[64];
    if (!proc_status_field(a[0], value, sizeof value)) return 0;
    unsigned long long got = strtoull(value, NULL, 16), want = strtoull(a[1], NULL, 16);
    if (got != want) return fail("%s is %016llx (missing %llx, extra %llx)", a[0], got, want & ~got, got & ~want);
    return 1;
}

static int check_status(char **a) {
    char value[256];
    if (!proc_status_field(a[0], value, sizeof value)) return 0;
    if (strcmp(value, a[1]) != 0) return fail("%s is %s", a[0], value);
    return 1;
}

static const struct { const char *name; int resource; } rlimit_names[] = {
    {"RLIMIT_AS", RLIMIT_AS}, {"RLIMIT_CORE", RLIMIT_CORE}, {"RLIMIT_CPU", RLIMIT_CPU},
    {"RLIMIT_DATA", RLIMIT_DATA}, {"RLIMIT_FSIZE", RLIMIT_FSIZE}, {"RLIMIT_LOCKS", RLIMIT_LOCKS},
    {"RLIMIT_MEMLOCK", RLIMIT_MEMLOCK}, {"RLIMIT_MSGQUEUE", RLIMIT_MSGQUEUE}, {"RLIMIT_NICE", RLIMIT_NICE},
    {"RLIMIT_NOFILE", RLIMIT_NOFILE}, {"RLIMIT_NPROC", RLIMIT_NPROC}, {"RLIMIT_RSS", RLIMIT_RSS},
    {"RLIMIT_RTPRIO", RLIMIT_RTPRIO}, {"RLIMIT_RTTIME", RLIMIT_RTTIME}, {"RLIMIT_SIGPENDING", RLIMIT_SIGPENDING},
    {"RLIMIT_STACK", RLIMIT_STACK},
};

static unsigned long long parse_limit(const char *s) {
    return strcmp(s, "unlimited") == 0 ? (unsigned long long)RLIM_INFINITY : strtoull(s, NULL, 10);
}

static int check_rlimit(char **a) {
    for (size_t i = 0; i < sizeof rlimit_names / sizeof rlimit_names[0]; i++) {
        if (strcmp(rlimit_names[i].name, a[0]) != 0) continue;
        struct rlimit rl;
        if (getrlimit(rlimit_names[i].resource, &rl) != 0) return fail("getrlimit: %s", strerror(errno));
        if (rl.rlim_cur != parse_limit(a[1]) || rl.rlim_max != parse_limit(a[2]))
            return fail("soft=%llu hard=%llu", (unsigned long long)rl.rlim_cur, (unsigned long long)rl.rlim_max);
        return 1;
    }
    return fail("unknown rlimit %s", a[0]);
}

/* The file's content, whitespace-normalized, must equal the expectation. */
static int check_file(char **a) {
    char buf[16384], want[1024];
    if (read_file(a[0], buf, sizeof buf) < 0) return fail("read %s: %s", a[0], strerror(errno));
    normalize_space(buf);
    snprintf(want, sizeof want, "%s", a[1]);
    normalize_space(want);
    if (strcmp(buf, want) != 0) return fail("content is '%.200s'", buf);
    return 1;
}

/* The file's content, whitespace-normalized, must contain the expectation. */
static int check_file_has(char **a) {
    char buf[16384], want[1024];
    if (read_file(a[0], buf, sizeof buf) < 0) return fail("read %s: %s", a[0], strerror(errno));
    normalize_space(buf);
    snprintf(want, sizeof want, "%s", a[1]);
    normalize_space(want);
    if (!strstr(buf, want)) return fail("content is '%.300s'", buf);
    return 1;
}

static int check_exists(char **a) {
    struct stat st;
    if (lstat(a[0], &st) != 0) return fail("lstat: %s", strerror(errno));
    return 1;
}

static int check_absent(char **a) {
    struct stat st;
    if (lstat(a[0], &st) == 0) return fail("it exists (mode %o)", st.st_mode);
    if (errno != ENOENT) return fail("lstat: %s", strerror(errno));
    return 1;
}

/* fd 0 must hold exactly the expected text (the runner gives the runtime a file as stdin). */
static int check_stdin(char **a) {
    char buf[1024];
    size_t len = 0;
    ssize_t n;
    while (len + 1 < sizeof buf && (n = read(0, buf + len, sizeof buf - 1 - len)) > 0) len += (size_t)n;
    buf[len] = '\0';
    normalize_space(buf);
    if (strcmp(buf, a[0]) != 0) return fail("stdin gave '%.200s'", buf);
    return 1;
}

static int check_notty(char **a) {
    (void)a;
    for (int fd = 0; fd <= 2; fd++)
        if (isatty(fd)) return fail("fd %d is a terminal", fd);
    return 1;
}

/* Only fds 0, 1 and 2 may be open (besides the directory stream used to look). */
static int check_only_stdio(char **a) {
    (void)a;
    DIR *dir = opendir("/proc/self/fd");
    if (!dir) return fail("opendir /proc/self/fd: %s", strerror(errno));
    char extra[512] = "";
    size_t len = 0;
    struct dirent *de;
    while ((de = readdir(dir))) {
        if (de->d_name[0] == '.') continue;
        int fd = atoi(de->d_name);
        if (fd <= 2 || fd == dirfd(dir)) continue;
        char link[PATH_MAX], target[PATH_MAX];
        snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
        ssize_t n = readlink(link, target, sizeof target - 1);
        target[n > 0 ? n : 0] = '\0';
        len += (size_t)snprintf(extra + len, sizeof extra - (len < sizeof extra ? len : sizeof extra), "%d->%s ", fd, target);
        if (len >= sizeof extra) break;
    }
    closedir(dir);
    if (extra[0]) return fail("extra fds open: %s", extra);
    return 1;
}

/* ---- mounts ----------------------------------------------------------------------------- */

struct mount_entry {
    int id, parent;
    char root[PATH_MAX];
    char point[PATH_MAX];
    char opts[512];     /* per-mount options */
    char optional[256]; /* shared:N master:N unbindable ... */
    char fstype[64];
    char source[256];
    char super[1024]; /* super-block options */
};

static struct mount_entry mounts[MAX_MOUNTS];
static int mount_count = -1;

/* Undoes mountinfo's octal escapes (\040 for space, ...). */
static void unescape(char *s) {
    char *out = s;
    for (char *p = s; *p; p++) {
        if (p[0] == '\\' && p[1] >= '0' && p[1] <= '7' && p[2] && p[3]) {
            *out++ = (char)(((p[1] - '0') << 6) | ((p[2] - '0') << 3) | (p[3] - '0'));
            p += 3;
        } else {
            *out++ = *p;
        }
    }
    *out = '\0';
}

static int load_mounts(void) {
    static char buf[256 * 1024];
    if (read_file("/proc/self/mountinfo", buf, sizeof buf) < 0) return fail("read /proc/self/mountinfo: %s", strerror(errno));
    mount_count = 0;
    char *save = NULL;
    for (char *line = strtok_r(buf, "\n", &save); line && mount_count < MAX_MOUNTS; line = strtok_r(NULL, "\n", &save)) {
        struct mount_entry *m = &mounts[mount_count];
        char *dash = strstr(line, " - ");
        if (!dash) continue;
        *dash = '\0';
        char major_minor[64];
        int consumed = 0;
        if (sscanf(line, "%d %d %63s %4095s %4095s %511s %n", &m->id, &m->parent, major_minor, m->root, m->point, m->opts, &consumed) < 6)
            continue;
        snprintf(m->optional, sizeof m->optional, "%s", line + consumed);
        normalize_space(m->optional);
        m->source[0] = m->super[0] = '\0';
        sscanf(dash + 3, "%63s %255s %1023s", m->fstype, m->source, m->super);
        unescape(m->root);
        unescape(m->point);
        mount_count++;
    }
    return 1;
}

/* The mount visible at `point`: the last one stacked there (no other mount at `point` sits on it). */
static struct mount_entry *top_mount(const char *point) {
    if (mount_count < 0 && !load_mounts()) return NULL;
    struct mount_entry *top = NULL;
    for (int i = 0; i < mount_count; i++) {
        if (strcmp(mounts[i].point, point) != 0) continue;
        int covered = 0;
        for (int j = 0; j < mount_count; j++)
            covered |= j != i && mounts[j].parent == mounts[i].id && strcmp(mounts[j].point, point) == 0;
        if (!covered) top = &mounts[i];
    }
    return top;
}

static int has_option(const char *list, const char *opt) {
    size_t len = strlen(opt);
    for (const char *p = list; p && *p;) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n == len && strncmp(p, opt, len) == 0) return 1;
        p = end ? end + 1 : NULL;
    }
    return 0;
}

/* a = DEST FSTYPE OPTS: FSTYPE "*" matches any; OPTS is "-" or a comma list of "opt" (present) / "!opt" (absent),
 * looked up in both the per-mount and the super-block options. */
static int check_mount(char **a) {
    struct mount_entry *m = top_mount(a[0]);
    if (!m) return why[0] ? 0 : fail("nothing mounted at %s", a[0]);
    if (strcmp(a[1], "*") != 0 && strcmp(a[1], m->fstype) != 0) return fail("fstype is %s", m->fstype);
    if (strcmp(a[2], "-") == 0) return 1;
    char list[512];
    snprintf(list, sizeof list, "%s", a[2]);
    for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
        int negate = tok[0] == '!';
        const char *opt = tok + negate;
        int present = has_option(m->opts, opt) || has_option(m->super, opt);
        if (present == negate) return fail("options are %s / %s", m->opts, m->super);
    }
    return 1;
}

static int check_nomount(char **a) {
    struct mount_entry *m = top_mount(a[0]);
    if (m) return fail("%s is mounted there", m->fstype);
    return why[0] ? 0 : 1;
}

/* a = DEST KIND with KIND one of shared, slave, private, unbindable. */
static int check_propagation(char **a) {
    struct mount_entry *m = top_mount(a[0]);
    if (!m) return why[0] ? 0 : fail("nothing mounted at %s", a[0]);
    int shared = strstr(m->optional, "shared:") != NULL, slave = strstr(m->optional, "master:") != NULL;
    int unbindable = strstr(m->optional, "unbindable") != NULL;
    int ok = 0;
    if (strcmp(a[1], "shared") == 0) ok = shared;
    else if (strcmp(a[1], "slave") == 0) ok = slave && !shared;
    else if (strcmp(a[1], "private") == 0) ok = !shared && !slave && !unbindable;
    else if (strcmp(a[1], "unbindable") == 0) ok = unbindable;
    else return fail("unknown propagation %s", a[1]);
    if (!ok) return fail("propagation fields are '%s'", m->optional[0] ? m->optional : "(private)");
    return 1;
}

/* A masked path cannot be read: a directory looks empty, a file reads nothing or cannot be opened. */
static int check_masked(char **a) {
    struct stat st;
    if (stat(a[0], &st) != 0) {
        if (errno == ENOENT) return 1;
        return fail("stat: %s", strerror(errno));
    }
    if (S_ISDIR(st.st_mode)) {
        DIR *dir = opendir(a[0]);
        if (!dir) return 1;
        struct dirent *de;
        while ((de = readdir(dir)))
            if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0) {
                closedir(dir);
                return fail("directory lists %s", de->d_name);
            }
        closedir(dir);
        return 1;
    }
    int fd = open(a[0], O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return 1;
    char c;
    ssize_t n = read(fd, &c, 1);
    close(fd);
    if (n > 0) return fail("read returned data");
    return 1;
}

/* A read-only path: its mount reports ST_RDONLY and writing fails (EROFS where the filesystem gets that far:
 * procfs answers ENOENT to mkdir before it checks the mount, so statvfs is the primary witness). */
static int check_readonly(char **a) {
    struct stat st;
    struct statvfs vfs;
    if (stat(a[0], &st) != 0) return fail("stat: %s", strerror(errno));
    if (statvfs(a[0], &vfs) != 0) return fail("statvfs: %s", strerror(errno));
    if (S_ISDIR(st.st_mode)) {
        char probe[PATH_MAX];
        snprintf(probe, sizeof probe, "%s/.conformance-probe-%d", a[0], getpid());
        if (mkdir(probe, 0700) == 0) {
            rmdir(probe);
            return fail("mkdir inside succeeded");
        }
        if (errno != EROFS && !(vfs.f_flag & ST_RDONLY)) return fail("mkdir inside: %s and the mount is not read-only", strerror(errno));
        return 1;
    }
    int fd = open(a[0], O_WRONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd >= 0) {
        close(fd);
        return fail("open for writing succeeded");
    }
    if (errno != EROFS && !(vfs.f_flag & ST_RDONLY)) return fail("open for writing: %s and the mount is not read-only", strerror(errno));
    return 1;
}

static int check_writable(char **a) {
    char probe[PATH_MAX];
    snprintf(probe, sizeof probe, "%s/.conformance-probe-%d", a[0], getpid());
    if (mkdir(probe, 0700) != 0) return fail("mkdir inside: %s", strerror(errno));
    rmdir(probe);
    return 1;
}

/* Executing a file must fail (EACCES on noexec) or succeed, as asked: a = PATH ok|denied. */
static int check_exec(char **a) {
    pid_t pid = fork();
    if (pid < 0) return fail("fork: %s", strerror(errno));
    if (pid == 0) {
        char *argv[] = {a[0], NULL}, *envp[] = {NULL};
        execve(a[0], argv, envp);
        _exit(errno == EACCES ? 126 : 127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    int denied = WIFEXITED(status) && WEXITSTATUS(status) == 126;
    int ran = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (strcmp(a[1], "denied") == 0 && !denied) return fail("exec was not refused (status %d)", status);
    if (strcmp(a[1], "ok") == 0 && !ran) return fail("exec failed (status %d)", status);
    return 1;
}

/* ---- devices ---------------------------------------------------------------------------- */

/* a = PATH TYPE MAJOR MINOR with TYPE c, b, u (unbuffered char) or p (fifo; numbers ignored). */
static int check_dev(char **a) {
    struct stat st;
    if (stat(a[0], &st) != 0) return fail("stat: %s", strerror(errno));
    char type = a[1][0];
    if (type == 'p') return S_ISFIFO(st.st_mode) ? 1 : fail("not a fifo (mode %o)", st.st_mode);
    if ((type == 'c' || type == 'u') && !S_ISCHR(st.st_mode)) return fail("not a char device (mode %o)", st.st_mode);
    if (type == 'b' && !S_ISBLK(st.st_mode)) return fail("not a block device (mode %o)", st.st_mode);
    unsigned want_major = (unsigned)strtoul(a[2], NULL, 10), want_minor = (unsigned)strtoul(a[3], NULL, 10);
    if (major(st.st_rdev) != want_major || minor(st.st_rdev) != want_minor)
        return fail("device is %u:%u", major(st.st_rdev), minor(st.st_rdev));
    return 1;
}

/* a = PATH MODE UID GID, MODE in octal (permission bits only). */
static int check_owner_mode(char **a) {
    struct stat st;
    if (stat(a[0], &st) != 0) return fail("stat: %s", strerror(errno));
    unsigned want_mode = (unsigned)strtoul(a[1], NULL, 8);
    if ((st.st_mode & 07777) != want_mode || st.st_uid != (uid_t)atol(a[2]) || st.st_gid != (gid_t)atol(a[3]))
        return fail("mode %o uid %u gid %u", st.st_mode & 07777, st.st_uid, st.st_gid);
    return 1;
}

/* a = PATH UID GID */
static int check_owner(char **a) {
    struct stat st;
    if (stat(a[0], &st) != 0) return fail("stat: %s", strerror(errno));
    if (st.st_uid != (uid_t)atol(a[1]) || st.st_gid != (gid_t)atol(a[2])) return fail("uid %u gid %u", st.st_uid, st.st_gid);
    return 1;
}

static int check_symlink(char **a) {
    char target[PATH_MAX];
    ssize_t n = readlink(a[0], target, sizeof target - 1);
    if (n < 0) return fail("readlink: %s", strerror(errno));
    target[n] = '\0';
    if (strcmp(target, a[1]) != 0) return fail("points to %s", target);
    return 1;
}

/* a = PATH r|w|rw ok|errno:N — opening the file must give that outcome. */
static int check_open(char **a) {
    int flags = strcmp(a[1], "r") == 0 ? O_RDONLY : strcmp(a[1], "w") == 0 ? O_WRONLY : O_RDWR;
    int fd = open(a[0], flags | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    int err = errno;
    if (fd >= 0) close(fd);
    if (strcmp(a[2], "ok") == 0) return fd >= 0 ? 1 : fail("open: %s", strerror(err));
    if (strncmp(a[2], "errno:", 6) == 0) {
        int want = atoi(a[2] + 6);
        if (fd >= 0) return fail("open succeeded");
        if (err != want) return fail("open: %s (errno %d)", strerror(err), err);
        return 1;
    }
    if (strcmp(a[2], "fails") == 0) return fd < 0 ? 1 : fail("open succeeded");
    return fail("bad expectation %s", a[2]);
}

/* a = PATH TYPE MAJOR MINOR ok|fails — mknod must give that outcome (the node is removed again). */
static int check_mknod(char **a) {
    mode_t kind = a[1][0] == 'b' ? S_IFBLK : S_IFCHR;
    int rc = mknod(a[0], kind | 0600, makedev(atoi(a[2]), atoi(a[3])));
    int err = errno;
    if (rc == 0) unlink(a[0]);
    if (strcmp(a[4], "ok") == 0) return rc == 0 ? 1 : fail("mknod: %s", strerror(err));
    return rc != 0 ? 1 : fail("mknod succeeded");
}

/* ---- namespaces, kernel state ------------------------------------------------------------ */

/* a = TYPE INODE same|diff — compares /proc/self/ns/TYPE with an inode the runner read elsewhere. */
static int check_ns(char **a) {
    char path[128];
    struct stat st;
    snprintf(path, sizeof path, "/proc/self/ns/%s", a[0]);
    if (stat(path, &st) != 0) return fail("stat %s: %s", path, strerror(errno));
    unsigned long long other = strtoull(a[1], NULL, 10);
    int same = (unsigned long long)st.st_ino == other;
    if (strcmp(a[2], "same") == 0 && !same) return fail("inode %llu, want %llu", (unsigned long long)st.st_ino, other);
    if (strcmp(a[2], "diff") == 0 && same) return fail("inode %llu is the runtime's", (unsigned long long)st.st_ino);
    return 1;
}

/* Every line of /proc/self/cgroup must show "/" as the path: the cgroup namespace is rooted at our cgroup. */
static int check_cgroup_root(char **a) {
    (void)a;
    char buf[8192];
    if (read_file("/proc/self/cgroup", buf, sizeof buf) < 0) return fail("read /proc/self/cgroup: %s", strerror(errno));
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
        char *path = strrchr(line, ':');
        if (!path || strcmp(path + 1, "/") != 0) return fail("line '%s'", line);
    }
    return 1;
}

/* a = CONTROLLER FILES VALUE: reads the limit file of our own cgroup through the cgroup mounts we see.
 * CONTROLLER "unified" means cgroup v2; FILES may list alternatives separated by '|'. */
static int check_cgroup_file(char **a) {
    char buf[8192], own[PATH_MAX] = "";
    int found = 0;
    if (read_file("/proc/self/cgroup", buf, sizeof buf) < 0) return fail("read /proc/self/cgroup: %s", strerror(errno));
    int v2 = strcmp(a[0], "unified") == 0;
    for (char *line = strtok(buf, "\n"); line && !found; line = strtok(NULL, "\n")) {
        char *c1 = strchr(line, ':');
        char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
        if (!c2) continue;
        *c2 = '\0';
        if (v2 ? c1[1] == '\0' : has_option(c1 + 1, a[0])) {
            snprintf(own, sizeof own, "%s", c2 + 1);
            found = 1;
        }
    }
    if (!found) return fail("no %s line in /proc/self/cgroup", a[0]);
    if (mount_count < 0 && !load_mounts()) return 0;
    for (int i = mount_count - 1; i >= 0; i--) {
        struct mount_entry *m = &mounts[i];
        int match = v2 ? strcmp(m->fstype, "cgroup2") == 0 : strcmp(m->fstype, "cgroup") == 0 && has_option(m->super, a[0]);
        if (!match) continue;
        size_t rlen = strcmp(m->root, "/") == 0 ? 0 : strlen(m->root);
        if (strncmp(own, m->root, rlen) != 0) continue;
        char files[512];
        snprintf(files, sizeof files, "%s", a[1]);
        for (char *file = strtok(files, "|"); file; file = strtok(NULL, "|")) {
            char path[PATH_MAX * 2], value[4096], want[512];
            snprintf(path, sizeof path, "%s%s/%s", m->point, own + rlen, file);
            if (read_file(path, value, sizeof value) < 0) continue;
            normalize_space(value);
            snprintf(want, sizeof want, "%s", a[2]);
            normalize_space(want);
            if (strcmp(value, want) != 0) return fail("%s is '%s'", path, value);
            return 1;
        }
        return fail("none of %s under %s%s", a[1], m->point, own + rlen);
    }
    return fail("no visible %s cgroup mount containing %s", a[0], own);
}

static int check_personality(char **a) {
    int persona = personality(0xffffffff);
    if (persona < 0) return fail("personality: %s", strerror(errno));
    unsigned long want = strtoul(a[0], NULL, 0);
    if (((unsigned long)persona & PER_MASK) != want) return fail("personality is 0x%x", persona);
    return 1;
}

/* a = NAME ARG0 EXPECT: calls the syscall in a child (so a kill action cannot take the checker down).
 * EXPECT is ok, errno:N or signal:N. */
static int check_syscall(char **a) {
    long nr;
    if (strcmp(a[0], "getppid") == 0) nr = SYS_getppid;
    else if (strcmp(a[0], "getpgid") == 0) nr = SYS_getpgid;
    else if (strcmp(a[0], "getpriority") == 0) nr = SYS_getpriority;
    else if (strcmp(a[0], "getsid") == 0) nr = SYS_getsid;
    else if (strcmp(a[0], "personality") == 0) nr = SYS_personality;
    else if (strcmp(a[0], "sched_yield") == 0) nr = SYS_sched_yield;
    else if (strcmp(a[0], "getcwd") == 0) nr = SYS_getcwd;
    else return fail("unknown syscall %s", a[0]);
    long arg = strtol(a[1], NULL, 0);
    pid_t pid = fork();
    if (pid < 0) return fail("fork: %s", strerror(errno));
    if (pid == 0) {
        char buf[PATH_MAX];
        long rc = nr == SYS_getcwd ? syscall(nr, buf, sizeof buf) : syscall(nr, arg, 0);
        _exit(rc < 0 ? (errno & 0xff) : 0);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    char got[64];
    if (WIFSIGNALED(status)) snprintf(got, sizeof got, "signal:%d", WTERMSIG(status));
    else if (WEXITSTATUS(status) == 0) snprintf(got, sizeof got, "ok");
    else snprintf(got, sizeof got, "errno:%d", WEXITSTATUS(status));
    if (strcmp(got, a[2]) != 0) return fail("got %s", got);
    return 1;
}

/* ---- actions ---------------------------------------------------------------------------- */

static int act_sleep(char **a) {
    sleep((unsigned)atoi(a[0]));
    return -1;
}

static int act_stderr(char **a) {
    dprintf(2, "%s\n", a[0]);
    return -1;
}

/* Keeps running until a file appears (the runner creates it through the bundle's rootfs). */
static int act_wait_for(char **a) {
    struct stat st;
    for (int i = 0; i < 600 && stat(a[0], &st) != 0; i++) usleep(50000);
    return -1;
}

static const struct {
    const char *name;
    int arity;
    int (*run)(char **);
} checks[] = {
    {"uid", 1, check_uid},
    {"gid", 1, check_gid},
    {"groups-include", 1, check_groups_include},
    {"groups", 1, check_groups_exact},
    {"umask", 1, check_umask},
    {"cwd", 1, check_cwd},
    {"env", 1, check_env},
    {"unset", 1, check_unset},
    {"hostname", 1, check_hostname},
    {"domainname", 1, check_domainname},
    {"pid", 1, check_pid},
    {"capset", 2, check_capset},
    {"status", 2, check_status},
    {"rlimit", 3, check_rlimit},
    {"file", 2, check_file},
    {"file-has", 2, check_file_has},
    {"exists", 1, check_exists},
    {"absent", 1, check_absent},
    {"stdin", 1, check_stdin},
    {"notty", 0, check_notty},
    {"only-stdio", 0, check_only_stdio},
    {"mount", 3, check_mount},
    {"nomount", 1, check_nomount},
    {"propagation", 2, check_propagation},
    {"masked", 1, check_masked},
    {"readonly", 1, check_readonly},
    {"writable", 1, check_writable},
    {"exec", 2, check_exec},
    {"dev", 4, check_dev},
    {"owner-mode", 4, check_owner_mode},
    {"owner", 3, check_owner},
    {"symlink", 2, check_symlink},
    {"open", 3, check_open},
    {"mknod", 5, check_mknod},
    {"ns", 3, check_ns},
    {"cgroup-root", 0, check_cgroup_root},
    {"cgroup-file", 3, check_cgroup_file},
    {"personality", 1, check_personality},
    {"syscall", 3, check_syscall},
    {"sleep", 1, act_sleep},
    {"stderr", 1, act_stderr},
    {"wait-for", 1, act_wait_for},
};

int main(int argc, char **argv) {
    int index = 0;
    for (int i = 1; i < argc;) {
        size_t k = 0;
        while (k < sizeof checks / sizeof checks[0] && strcmp(checks[k].name, argv[i]) != 0) k++;
        if (k == sizeof checks / sizeof checks[0]) {
            printf("not ok %d %s # unknown check\n", ++index, argv[i]);
            return 2;
        }
        if (i + checks[k].arity >= argc) {
            printf("not ok %d %s # missing arguments\n", ++index, argv[i]);
            return 2;
        }
        char line[MAX_LINE];
        size_t len = (size_t)snprintf(line, sizeof line, "%s", argv[i]);
        for (int j = 1; j <= checks[k].arity && len < sizeof line; j++)
            len += (size_t)snprintf(line + len, sizeof line - len, " %s", argv[i + j]);
        why[0] = '\0';
        int verdict = checks[k].run(argv + i + 1);
        if (verdict >= 0) {
            index++;
            if (verdict) printf("ok %d %s\n", index, line);
            else printf("not ok %d %s # %s\n", index, line, why);
            fflush(stdout);
        }
        i += 1 + checks[k].arity;
    }
    fflush(stdout);
    return 0;
}
