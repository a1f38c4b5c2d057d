import LinuxSys
import Glibc

/// process.terminal in a container-side process: a pty from the container's own devpts (/dev/ptmx →
/// pts/ptmx), consoleSize applied, the master handed to the parent (sync message `consoleReady`, then the fd
/// in the next packet), the slave made stdio and controlling terminal and, for the init, bind-mounted at
/// /dev/console (as runc does). Needs setsid first (TIOCSCTTY) and must run before the identity change.
struct ConsoleStage: SetupStage {
    let name = "console"
    /// The init gets /dev/console; an exec'd process does not (runc neither).
    let mountsDevConsole: Bool

    func run(_ context: SetupContext) throws(SetupFailure) {
        guard let process = context.plan.spec.process, process.terminal == true else { return }
        var pty = try step("process.terminal") { () throws(SystemError) in try PseudoTerminal.openMaster() }
        if let box = process.consoleSize {
            let size = WindowSize(rows: UInt16(clamping: box.height), columns: UInt16(clamping: box.width))
            try step("process.consoleSize") { () throws(SystemError) in try size.apply(to: pty.master.rawValue) }
        }
        let slave = try step("process.terminal") { () throws(SystemError) in try PseudoTerminal.openSlave(pty.slavePath) }
        if mountsDevConsole { try mountConsole(slavePath: pty.slavePath) }
        try sendMaster(pty.master, context: context)
        try? pty.master.close()
        let user = context.plan.process
        try step("process.terminal") { () throws(SystemError) in
            // runc's fixStdioPermissions: the container's user must be able to reopen its own terminal.
            try slave.changeOwner(uid: user.uid, gid: user.gid)
            for target: Int32 in 0...2 { try slave.duplicate(to: target) }
            try PseudoTerminal.makeControllingTerminal(0)
        }
    }

    /// /dev/console: an empty file (created without following a symlink the image may have put there) with the
    /// slave bind-mounted over it.
    private func mountConsole(slavePath: String) throws(SetupFailure) {
        try step("/dev/console") { () throws(SystemError) in
            let target = try RootedPaths.createFile(inRoot: "/", path: "/dev/console", mode: 0o666)
            try Mounts.mount(source: slavePath, target: target.procPath(), type: nil, flags: .bind)
        }
    }

    private func sendMaster(_ master: borrowing FileDescriptor, context: SetupContext) throws(SetupFailure) {
        let channel = SyncChannel(fd: context.syncFD)
        try step { () throws(SystemError) in
            try channel.send(.consoleReady)
            try FileDescriptor.sendOn(socket: context.syncFD, master.rawValue)
        }
    }
}

extension FileDescriptor {
    /// SCM_RIGHTS of `fd` on a socket we do not own (the sync channel's raw fd).
    static func sendOn(socket: Int32, _ fd: Int32, payload: [UInt8] = [0]) throws(SystemError) {
        let view = FileDescriptor(adopting: socket)
        do { try view.sendFileDescriptors([fd], payload: payload) } catch {
            _ = view.release()
            throw error
        }
        _ = view.release()
    }
}
