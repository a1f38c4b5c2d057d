import LinuxSys
import Glibc

/// The parent's end of a container's console for `create`/`run`: the mode chosen from process.terminal,
/// detaching and --console-socket, the socket (connected before anything is made), and the master once the
/// init sent it (kept for the foreground relay, else handed on and closed).
struct ConsoleEndpoint {
    let mode: ConsoleMode
    private(set) var socketFD: Int32 = -1
    /// The pty master kept for `run`'s relay; owned by whoever takes it (`takeMaster`).
    private(set) var master: Int32?

    init(terminal: Bool, foreground: Bool, consoleSocket: String?) throws(RuntimeError) {
        mode = try ConsoleMode.choose(terminal: terminal, detach: !foreground, consoleSocket: consoleSocket)
        if case .socket(let path) = mode { socketFD = try ConsoleSocket.connect(path).release() }
    }

    /// `consoleReady`: the master is the next packet on the sync socket.
    mutating func receiveMaster(syncFD: Int32) throws(RuntimeError) {
        let received = try system("console") { () throws(SystemError) in try ConsoleMaster.receive(syncFD: syncFD) }
        switch mode {
        case .socket:
            try ConsoleSocket.sendMaster(received.rawValue, over: socketFD)
        case .proxy:
            master = received.release()
        case .inherit:
            break
        }
    }

    mutating func takeMaster() -> Int32? {
        defer { master = nil }
        return master
    }

    /// Closes what is still held (the socket always; the master unless taken).
    mutating func close() {
        if socketFD >= 0 { Glibc.close(socketFD) }
        socketFD = -1
        if let master { Glibc.close(master) }
        master = nil
    }
}
