import LinuxSys
import Glibc

/// The foreground relay between swiftlet's own terminal and a container's pty master (runc's `run` with
/// process.terminal and `exec -t` without a console socket): our terminal in raw mode so every key reaches the
/// container, the window size copied at start and on SIGWINCH, and the saved mode restored when the proxy goes
/// away — on every exit path, errors included, because it is restored in deinit.
struct TerminalProxy: ~Copyable {
    let master: FileDescriptor
    private let saved: TerminalMode?
    /// Our side's terminal, if any: stdin, else stdout (runc's console.Current looks at both).
    private let hostTerminal: Int32?

    init(master: consuming FileDescriptor) {
        self.master = master
        let terminal: Int32? = TerminalMode.isTerminal(0) ? 0 : (TerminalMode.isTerminal(1) ? 1 : nil)
        hostTerminal = terminal
        if let terminal, let mode = try? TerminalMode.read(terminal) {
            saved = mode
            if terminal == 0 { try? mode.raw().apply(to: 0) }
        } else {
            saved = nil
        }
        resize()
    }

    deinit {
        if let saved, let hostTerminal { try? saved.apply(to: hostTerminal) }
    }

    /// SIGWINCH: the container's terminal gets our size.
    func resize() {
        // A 0x0 size (no real terminal behind ours) would only undo process.consoleSize.
        guard let hostTerminal, let size = try? WindowSize.read(hostTerminal), size.rows > 0, size.columns > 0 else { return }
        try? size.apply(to: master.rawValue)
    }

    /// Copies our stdin to the master and the master to our stdout while `signals` (a signalfd) is served by
    /// `onSignal`, until it returns the process' status; then the output still buffered in the pty is drained.
    func relay(signals: borrowing FileDescriptor, onSignal: (ReceivedSignal) -> WaitStatus?) -> WaitStatus {
        var stdinOpen = true, masterOpen = true
        while true {
            var entries = [
                pollfd(fd: signals.rawValue, events: Int16(POLLIN), revents: 0),
                pollfd(fd: masterOpen ? master.rawValue : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: stdinOpen ? 0 : -1, events: Int16(POLLIN), revents: 0),
            ]
            if poll(&entries, 3, -1) < 0 { continue }
            if entries[1].revents != 0 { masterOpen = copy(from: master.rawValue, to: 1) }
            if entries[2].revents != 0 { stdinOpen = copy(from: 0, to: master.rawValue) }
            if entries[0].revents != 0, let received = try? signals.readSignal() {
                if received.signal == .SIGWINCH, hostTerminal != nil {
                    resize()
                } else if let status = onSignal(received) {
                    if masterOpen { drain() }
                    return status
                }
            }
        }
    }

    /// After the process is gone its last output may still sit in the pty: read until the slave side is closed
    /// (EIO) or nothing more comes for a moment.
    private func drain() {
        while true {
            var entry = pollfd(fd: master.rawValue, events: Int16(POLLIN), revents: 0)
            if poll(&entry, 1, 200) <= 0 { return }
            if !copy(from: master.rawValue, to: 1) { return }
        }
    }

    /// One read and a full write; false when the source is finished (EOF, EIO of a closed pty, or an error).
    private func copy(from source: Int32, to destination: Int32) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16384)
        let got = buffer.withUnsafeMutableBytes { Glibc.read(source, $0.baseAddress, $0.count) }
        if got < 0 && (errno == EINTR || errno == EAGAIN) { return true }
        if got <= 0 { return false }
        var offset = 0
        while offset < got {
            let written = buffer.withUnsafeBytes { Glibc.write(destination, $0.baseAddress! + offset, got - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return true }
            offset += written
        }
        return true
    }
}
