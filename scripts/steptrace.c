/*
 * steptrace: single-steps a command and every process it forks or clones, and writes, per process, each
 * instruction address it executed, once, in the order first executed (a helper of make-start-up-order.sh).
 *
 * usage: steptrace OUTPREFIX CMD [ARG...]      writes OUTPREFIX.<pid> per traced process, and OUTPREFIX.root
 *                                               naming CMD's own pid; exit status: CMD's, 125 on own failure
 *
 * Why single-stepping: the start-up order must name every function a `run` executes. Sampling (perf) misses
 * the small ones, and each one missed can pull a whole 64 KiB fault-around window into the resident set;
 * callgrind cannot follow the init past its first openat2. Stepping is slow (minutes for one `run`) but exact.
 * A traced process that execs anything but the first program (the container's process, a hook) is detached:
 * only swiftlet's own code is wanted.
 *
 * build: gcc -O2 -o steptrace steptrace.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#define TABLE_BITS 22                     /* open addressing; a `run` executes ~100k distinct addresses */
#define MAX_TRACEES 256

struct tracee {
    pid_t pid;
    uint64_t *seen;                       /* hash set of executed addresses */
    FILE *out;
};

static struct tracee tracees[MAX_TRACEES];
static int tracee_count;
static const char *out_prefix;

static struct tracee *tracee_for(pid_t pid) {
    for (int i = 0; i < tracee_count; i++)
        if (tracees[i].pid == pid) return &tracees[i];
    if (tracee_count == MAX_TRACEES) { fprintf(stderr, "steptrace: too many processes\n"); exit(125); }
    struct tracee *t = &tracees[tracee_count++];
    char path[4096];
    snprintf(path, sizeof path, "%s.%d", out_prefix, pid);
    t->pid = pid;
    t->seen = calloc(1u << TABLE_BITS, sizeof *t->seen);
    t->out = fopen(path, "w");
    if (!t->seen || !t->out) { perror("steptrace"); exit(125); }
    return t;
}

static void record(struct tracee *t, uint64_t ip) {
    if (!t->out || ip >= 0x7f0000000000ULL) return;    /* vdso and stack are not the binary's text */
    uint64_t slot = (ip * 0x9E3779B97F4A7C15ULL) >> (64 - TABLE_BITS);
    while (t->seen[slot]) {
        if (t->seen[slot] == ip) return;
        slot = (slot + 1) & ((1u << TABLE_BITS) - 1);
    }
    t->seen[slot] = ip;
    fprintf(t->out, "%lx\n", (unsigned long)ip);
}

static void stop_recording(struct tracee *t) {
    if (t->out) fclose(t->out);
    t->out = NULL;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: steptrace OUTPREFIX CMD [ARG...]\n"); return 125; }
    out_prefix = argv[1];
    pid_t root = fork();
    if (root < 0) { perror("steptrace: fork"); return 125; }
    if (root == 0) {
        ptrace(PTRACE_TRACEME, 0, 0, 0);
        raise(SIGSTOP);
        execvp(argv[2], &argv[2]);
        _exit(127);
    }
    char root_path[4096];
    snprintf(root_path, sizeof root_path, "%s.root", out_prefix);
    FILE *root_file = fopen(root_path, "w");
    if (!root_file) { perror("steptrace"); return 125; }
    fprintf(root_file, "%d\n", root);
    fclose(root_file);
    int status;
    waitpid(root, &status, 0);
    ptrace(PTRACE_SETOPTIONS, root, 0, PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE |
                                       PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL);
    ptrace(PTRACE_SINGLESTEP, root, 0, 0);
    int root_exec_seen = 0, alive = 1, exit_status = 125;
    while (alive > 0) {
        pid_t pid = waitpid(-1, &status, __WALL);
        if (pid < 0) {
            if (errno == EINTR) continue;
            break;
        }
        struct tracee *t = tracee_for(pid);
        if (WIFEXITED(status) || WIFSIGNALED(status)) {
            if (pid == root) exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            stop_recording(t);
            alive--;
            continue;
        }
        if (!WIFSTOPPED(status)) continue;
        int stop_signal = WSTOPSIG(status), event = status >> 16;
        if (event == PTRACE_EVENT_FORK || event == PTRACE_EVENT_VFORK || event == PTRACE_EVENT_CLONE) {
            unsigned long child;
            ptrace(PTRACE_GETEVENTMSG, pid, 0, &child);
            tracee_for((pid_t)child);
            alive++;
            ptrace(PTRACE_SINGLESTEP, pid, 0, 0);
        } else if (event == PTRACE_EVENT_EXEC) {
            if (pid == root && !root_exec_seen) {
                root_exec_seen = 1;
                ptrace(PTRACE_SINGLESTEP, pid, 0, 0);
            } else {                                      /* the container's process or a hook: not ours */
                stop_recording(t);
                ptrace(PTRACE_DETACH, pid, 0, 0);
                alive--;
            }
        } else if (stop_signal == SIGTRAP) {
            struct user_regs_struct regs;
            if (ptrace(PTRACE_GETREGS, pid, 0, &regs) == 0) record(t, regs.rip);
            ptrace(PTRACE_SINGLESTEP, pid, 0, 0);
        } else if (stop_signal == SIGSTOP && event == 0) {     /* a new tracee's first stop */
            ptrace(PTRACE_SINGLESTEP, pid, 0, 0);
        } else {
            ptrace(PTRACE_SINGLESTEP, pid, 0, stop_signal);    /* deliver real signals */
        }
    }
    for (int i = 0; i < tracee_count; i++) stop_recording(&tracees[i]);
    return exit_status;
}
