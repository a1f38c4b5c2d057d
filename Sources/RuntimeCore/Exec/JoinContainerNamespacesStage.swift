import LinuxSys
import Glibc

/// `exec`'s child 1 enters every namespace of the container's init through /proc/<pid>/ns/*: all opened first
/// (after joining the mount namespace, /proc is the container's and the host pid no longer resolves), then
/// joined with the user namespace first (it grants the rights to join the others). A namespace the init shares
/// with us is skipped: setns into one's own user namespace is EINVAL. pid and time apply to the child forked next.
struct JoinContainerNamespacesStage: SetupStage {
    let name = "namespaces"
    let initPid: Int32

    static let order: [NamespaceKinds] = [.user, .ipc, .uts, .network, .pid, .time, .cgroup, .mount]

    func run(_ context: SetupContext) throws(SetupFailure) {
        var opened: [(kind: NamespaceKinds, fd: Int32, path: String)] = []
        defer { for entry in opened { close(entry.fd) } }
        for kind in Self.order {
            guard let procName = kind.procName else { continue }
            let path = "/proc/\(initPid)/ns/\(procName)"
            guard let theirs = try? FileSystem.readSymbolicLink(path) else { continue }  // kernel without it
            if (try? FileSystem.readSymbolicLink("/proc/self/ns/\(procName)")) == theirs { continue }
            let fd = try step("/proc/\(initPid)/ns") { () throws(SystemError) in try FileDescriptor.open(path).release() }
            opened.append((kind, fd, path))
        }
        for entry in opened {
            try step("/proc/\(initPid)/ns") { () throws(SystemError) in
                do throws(SystemError) { try Namespaces.setns(fd: entry.fd, kind: entry.kind) } catch {
                    throw SystemError(op: "setns", path: entry.path, errno: error.errno)
                }
            }
        }
    }
}
