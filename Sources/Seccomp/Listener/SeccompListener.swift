import CSeccomp
import LinuxSys
import OCISpec

/// Hands a container's seccomp notify fd to the agent listening at linux.seccomp.listenerPath.
public enum SeccompListener {
    /// Connects to `listenerPath`, sends the container process state as JSON with `fd` attached (SCM_RIGHTS,
    /// named "seccompFd"), and closes the connection: one state per connection, as config-linux.md requires.
    public static func send(fd: Int32, listenerPath: String, metadata: String?, state: State, pid: Int32) throws {
        let message = ContainerProcessState(
            ociVersion: state.ociVersion, fds: [ContainerProcessState.seccompFdName], pid: pid,
            metadata: metadata, state: state)
        let payload = try SpecJSON.encoded(message, pretty: false)
        let connection = try UnixSocket.connect(path: listenerPath)
        try connection.sendFileDescriptors([fd], payload: payload)
    }

    /// Same, with the state already encoded as runtime-spec State JSON.
    public static func send(fd: Int32, listenerPath: String, metadata: String?, state: [UInt8], pid: Int32) throws {
        let decoded = try JSONValueDecoder.decode(State.self, from: state)
        try send(fd: fd, listenerPath: listenerPath, metadata: metadata, state: decoded, pid: pid)
    }

    /// pidfd_getfd(2): the caller's own copy (close-on-exec) of fd number `fd` of the process `pidfd` names.
    /// This is how the parent takes the listener from the container process, which only has to write(2) the
    /// number: notify rules may cover sendmsg, which the child could then not use to pass the fd itself.
    public static func takeListener(fromProcess pidfd: Int32, fd: Int32) throws(SystemError) -> FileDescriptor {
        let copy = csc_pidfd_getfd(pidfd, fd)
        if copy < 0 { throw SystemError(op: "pidfd_getfd", errno: .current) }
        return FileDescriptor(adopting: copy)
    }
}
