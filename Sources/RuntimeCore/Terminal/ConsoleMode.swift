/// Where a process' terminal goes, decided from process.terminal, detaching and --console-socket with runc's
/// rules (utils_linux.go checkTerminal), so engines get the same refusals.
enum ConsoleMode: Equatable {
    /// No terminal: stdio is inherited untouched (engines pass pipes and fifos).
    case inherit
    /// The pty master goes over SCM_RIGHTS to the AF_UNIX socket at this path.
    case socket(String)
    /// swiftlet keeps the master and relays it to its own stdio (foreground `run`, `exec -t`).
    case proxy

    static func choose(terminal: Bool, detach: Bool, consoleSocket: String?) throws(RuntimeError) -> ConsoleMode {
        let socket = (consoleSocket ?? "").isEmpty ? nil : consoleSocket
        if detach && terminal && socket == nil {
            throw .invalidArgument("cannot allocate tty if runc will detach without setting console socket")
        }
        if let socket {
            guard detach && terminal else {
                throw .invalidArgument("cannot use console socket if runc will not detach or allocate tty")
            }
            return .socket(socket)
        }
        return terminal ? .proxy : .inherit
    }
}
