/// The order of `exec`'s setup, in one place (the counterpart of SetupPipeline for a process joining a running
/// container; runc's setns_init_linux.go). Stages shared with `create` read the exec'd process from the plan.
///
/// Sync with the `exec` command (SyncMessage's table): `proceed` (child 1 is in the container's cgroups),
/// `initForked(pid)` (child 2's host pid), `consoleReady` + the pty master (process.terminal), `failed`;
/// child 2's successful execve closes its end of the socket: EOF is success.
enum ExecPipeline {
    /// Child 1, still in the host's namespaces.
    static func namespaceStages(initPid: Int32) -> [any SetupStage] {
        [
            // Before the user namespace: raising a hard limit needs CAP_SYS_RESOURCE in the initial one.
            ResourceLimitsStage(),
            OOMScoreStage(),
            JoinContainerNamespacesStage(initPid: initPid),
        ]
    }

    /// Child 2: in every namespace of the container (pid 1 is the container's init), then the init's own process
    /// stages (SetupPipeline.processStages: seccomp at the same two points, identity, cwd, env, executable lookup).
    static let processStages: [any SetupStage] = [
        ExecProcessStage(),
        // After setsid (TIOCSCTTY needs a session leader without a terminal) and before the identity change
        // (the pty is opened and chowned as root). No /dev/console for an exec'd process.
        ConsoleStage(mountsDevConsole: false),
    ] + SetupPipeline.processStages
}
