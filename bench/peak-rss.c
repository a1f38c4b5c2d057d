/*
 * peak-rss: runs a command and writes its peak RSS (ru_maxrss, KiB) to a file (a bench helper).
 *
 * usage: peak-rss OUTFILE CMD [ARG...]        exit status: CMD's (128+signal when killed), 125 on own failure
 *
 * Why not wait4 from the bench itself: Python spawns with vfork, and exec records the outgoing address space's
 * high-water mark in the child's ru_maxrss, so every runtime would "peak" at the bench's own ~15 MiB.
 * Here the command is forked from this small static process, so the floor under every reading is this
 * program's few hundred KiB, not the caller's. ru_maxrss is the largest of the command and of the
 * descendants it waited for (a maximum, not a sum): for a runtime, its own process or its init helper.
 *
 * build: gcc -O2 -static -o peak-rss peak-rss.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: peak-rss OUTFILE CMD [ARG...]\n");
        return 125;
    }
    pid_t child = fork();
    if (child < 0) { perror("peak-rss: fork"); return 125; }
    if (child == 0) {
        execvp(argv[2], &argv[2]);
        fprintf(stderr, "peak-rss: exec %s: %s\n", argv[2], strerror(errno));
        _exit(127);
    }
    int status;
    struct rusage usage;
    while (wait4(child, &status, 0, &usage) < 0)
        if (errno != EINTR) { perror("peak-rss: wait4"); return 125; }
    FILE *out = fopen(argv[1], "w");
    if (!out) { fprintf(stderr, "peak-rss: open %s: %s\n", argv[1], strerror(errno)); return 125; }
    fprintf(out, "%ld\n", usage.ru_maxrss);
    fclose(out);
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + WTERMSIG(status);
}
