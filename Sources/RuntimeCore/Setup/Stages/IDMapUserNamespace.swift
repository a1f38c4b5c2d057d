import LinuxSys
import OCISpec
import Glibc

/// The user namespace an idmapped mount takes its mapping from (mount_setattr MOUNT_ATTR_IDMAP wants an fd of
/// one). A helper is cloned into a new user namespace, its uid_map/gid_map are written from here (we hold
/// CAP_SETUID/CAP_SETGID over it), the namespace is kept open by fd, and the helper is killed: the namespace
/// lives on as long as the fd does.
enum IDMapUserNamespace {
    static func open(uidMappings: [LinuxIDMapping], gidMappings: [LinuxIDMapping]) throws(SystemError) -> FileDescriptor {
        let pidChannel = try Pipe()
        switch try Processes.clone(namespaces: .user) {
        case .child:
            // Our pid as /proc numbers it: in a new pid namespace our own pid is not the one the (still host)
            // /proc knows the helper by, so the helper says which /proc entry it is. Then it waits to be killed.
            _ = try? ProcessControl.setParentDeathSignal(SIGKILL)
            _ = try? pidChannel.write.writeAll((try? FileSystem.readSymbolicLink("/proc/self")) ?? "")
            _ = try? pidChannel.write.close()
            while true { _ = Glibc.pause() }
        case .parent(let pid):
            defer {
                _ = try? Processes.kill(pid: pid, signal: SIGKILL)
                _ = try? Processes.wait(pid: pid)
            }
            let channel = pidChannel
            let reader = channel.read
            _ = try channel.write.close()
            let procPid = String(decoding: try reader.readAll(), as: UTF8.self)
            guard !procPid.isEmpty, procPid.allSatisfy(\.isNumber) else {
                throw SystemError(op: "readlink", path: "/proc/self (idmap helper)", errno: .ESRCH)
            }
            try FileContents.write("/proc/\(procPid)/uid_map", mapText(uidMappings))
            try FileContents.write("/proc/\(procPid)/gid_map", mapText(gidMappings))
            return try FileDescriptor.open("/proc/\(procPid)/ns/user", O_RDONLY | O_CLOEXEC)
        }
    }

    /// uid_map/gid_map content: one "inside outside count" line per mapping.
    static func mapText(_ mappings: [LinuxIDMapping]) -> String {
        mappings.map { "\($0.containerID) \($0.hostID) \($0.size)\n" }.joined()
    }
}
