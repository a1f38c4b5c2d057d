import LinuxSys

/// runc's console-socket protocol, as containerd, CRI-O and podman's conmon receive it: connect to the AF_UNIX
/// stream socket at the path given, send one message whose payload is the master's name and whose SCM_RIGHTS
/// carries the pty master, then close.
enum ConsoleSocket {
    /// Connected before anything is forked, so a wrong path fails `create` early (runc does the same).
    static func connect(_ path: String) throws(RuntimeError) -> FileDescriptor {
        do { return try UnixSocket.connect(path: path) } catch {
            throw .system(stage: "console socket", error)
        }
    }

    static func sendMaster(_ master: Int32, over socket: Int32) throws(RuntimeError) {
        do { try FileDescriptor.sendOn(socket: socket, master, payload: Array("/dev/ptmx".utf8)) } catch {
            throw .system(stage: "console socket", error)
        }
    }
}
