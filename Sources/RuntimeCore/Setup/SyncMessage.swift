/// Messages between the `create` process (parent), the namespace child (child 1) and the container init (child 2),
/// over one SOCK_SEQPACKET socketpair (one message per packet, in order). The order of a successful create:
///
/// | step | from → to        | message               | meaning                                                                 |
/// |------|------------------|-----------------------|-------------------------------------------------------------------------|
/// | 1    | parent → child1  | `proceed`             | child1 is in its cgroups; go on with the namespaces                     |
/// | 2    | child1 → parent  | `userNamespaceCreated`| (new user ns only) write /proc/<child1>/uid_map and gid_map now         |
/// | 3    | parent → child1  | `idMappingsWritten`   | the maps are written; child1 becomes root inside the user namespace     |
/// | 4    | child1 → parent  | `initForked(pid)`     | host pid of the container init (forked with CLONE_PARENT); child1 exits |
/// | 4'   | parent → child2  | `initPidRecorded`     | the parent has the init's pid (it writes it to the state right after, before it reads the next message): only now may the init speak (child1 and the init share the socket, so without this wait `ready` could overtake `initForked`) |
/// | 5'   | child2 → parent  | `stageTimings([…])`   | (--debug only) how long each setup stage took, for the parent to log    |
/// | 5    | child2 → parent  | `ready`               | the whole setup is done; init waits for `start` on the exec fifo        |
/// | 6    | parent → child2  | `stateCommitted`      | the state says `created`                                                |
/// | 7    | child2 → parent  | `detached`            | init cleared its parent-death signal: the parent may exit               |
/// | 8    | parent → child2  | `start`               | (`run`: no exec fifo) start now                                          |
/// | 9    | child2 → parent  | `started`             | startContainer hooks passed (else `failed`); the exec follows            |
/// | 4a   | child2 → parent  | `seccompListener(fd)` | (SCMP_ACT_NOTIFY) the filter is loaded; fd is the listener's number      |
/// | 4b   | parent → child2  | `seccompListenerSent` | the parent took a copy (pidfd_getfd) and sent it to linux.seccomp.listenerPath |
/// | 4c   | child2 → parent  | `createRuntimeHooks`  | (hooks) mounts done, before pivot_root: parent runs prestart + createRuntime |
/// | 4d   | parent → child2  | `createRuntimeHooksDone` | they succeeded; child2 runs createContainer itself, then pivot_root |
/// | 4e   | child2 → parent  | `consoleReady`        | (process.terminal) the next packet carries the pty master (SCM_RIGHTS)  |
/// | any  | child → parent   | `failed(SetupFailure)`| a stage failed; the parent cleans everything up and reports it          |
///
/// Without a user namespace, a time namespace or namespaces joined by path, there is no child 1 (DirectInit): the
/// parent clones the init into its namespaces and sends `proceed`; there is no step 4 or 4' (nobody else shares the
/// socket), and the init unshares only the cgroup namespace after `proceed`.
///
/// In time 4c–4e come before 4a (hooks before pivot_root, the console after it, seccomp last); `exec`'s child
/// uses 1, 4, 4e and `failed`, and its exec closing the socket (EOF) means success (see ExecPipeline).
///
/// Steps 8–9 are `run`'s: the init then waits for `start` on this socket instead of the exec fifo (no fifo is made),
/// and EOF there (the parent died) ends it.
///
/// A child whose parent dies before step 7 is killed by PR_SET_PDEATHSIG; a parent whose children vanish sees EOF.
/// On the wire: SyncWireFormat.
enum SyncMessage: Equatable {
    case proceed
    case userNamespaceCreated
    case idMappingsWritten
    case initForked(pid: Int32)
    case initPidRecorded
    case seccompListener(fd: Int32)
    case seccompListenerSent
    case ready
    case stateCommitted
    case detached
    case start
    case started
    case createRuntimeHooks
    case createRuntimeHooksDone
    case consoleReady
    case failed(SetupFailure)
    case stageTimings([StageTiming])
}

/// A failed setup stage, as the user sees it: which stage, which config path, which operation on which path, errno text.
struct SetupFailure: Error, Equatable, CustomStringConvertible {
    var stage: String
    var configPath: String?
    var detail: String

    var description: String {
        if let configPath { return "\(stage): \(configPath): \(detail)" }
        return "\(stage): \(detail)"
    }
}
