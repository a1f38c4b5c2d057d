/// The order of the container-side setup, in one place (runc's libcontainer/standard_init_linux.go and
/// rootfs_linux.go explain most of it; each "before X because Y" is said here).
enum SetupPipeline {
    /// Child 1, in the host's namespaces until it joins/unshares them; forks the container init afterwards.
    static let namespaceStages: [any SetupStage] = [
        // Before the user namespace: raising a hard limit or lowering oom_score_adj needs CAP_SYS_RESOURCE in
        // the initial user namespace, which a process inside a new user namespace no longer has.
        ResourceLimitsStage(),
        OOMScoreStage(),
        // Joining by path before unsharing: the user namespace first (it grants the rights to join the others).
        JoinNamespacesStage(),
        // The cgroup namespace is unshared here too, after the parent put us in our cgroups (sync step 1),
        // so the container's cgroup root is its own cgroup.
        UnshareNamespacesStage(),
        // After the unshare: offsets can only be written before any process lives in the new time namespace.
        TimeOffsetsStage(),
    ]

    /// Child 2: the container's init, pid 1 of a new pid namespace.
    static let initStages: [any SetupStage] = [
        InitProcessStage(),
        KeyringStage(),
        // Propagation first, so nothing we mount below leaks to the host's mount namespace.
        RootPropagationStage(),
        MountsStage(),
        // After the mounts: /dev may be a tmpfs from `mounts` that the nodes go into.
        DevicesStage(),
        // Before pivot_root and root.readonly: a missing cwd is created inside the still-writable rootfs.
        CreateWorkingDirectoryStage(),
        // config.md: prestart, createRuntime and createContainer run once the mounts are done, before pivot_root.
        CreateHooksStage(),
        PivotRootStage(),
        // After pivot_root: /dev/ptmx is the container's own devpts and the slave's name is the one it sees;
        // before the identity change (the pty is opened and chowned as root) and the read-only root.
        ConsoleStage(mountsDevConsole: true),
        HostnameStage(),
        // After pivot_root: /proc/sys is the container's own procfs now.
        SysctlStage(),
        ReadonlyPathsStage(),
        MaskedPathsStage(),
        // Last of the filesystem work: earlier stages still write into the rootfs.
        RootReadonlyStage(),
        // After pivot_root (it refuses a shared new root) and after the readonly/masked binds (an unbindable
        // "/" cannot be a bind source).
        NewRootPropagationStage(),
    ] + processStages

    /// The process itself, last before `ready`: the same for the init and for an exec'd process (ExecPipeline).
    static let processStages: [any SetupStage] = [
        ProcessAttributesStage(),
        // Before the identity change: PR_SET_NO_NEW_PRIVS is also what lets an unprivileged seccomp load happen later.
        NoNewPrivilegesStage(),
        // chdir before dropping privileges (runc does too): the cwd may not be searchable by the container user.
        WorkingDirectoryStage(),
        // Without no_new_privs, loading a filter needs CAP_SYS_ADMIN: so before the capabilities are dropped.
        SeccompStage(phase: .beforeCapabilitiesDrop),
        IdentityStage(),
        // After pivot_root: HOME comes from the container's /etc/passwd, not the host's.
        ProcessEnvironmentStage(),
        // After the identity change: the lookup checks execute permission as the container's user.
        ExecutableLookupStage(),
        // With no_new_privs, as late as possible (runc: as close to execve as possible), so the profile has to
        // allow as few of swiftlet's own syscalls as possible — but before `ready`, so the notify fd is handed
        // over during create and startContainer hooks run under the filter.
        SeccompStage(phase: .lastBeforeReady),
    ]
}
