import Glibc
import RuntimeCore

extension CommandContext {
    /// `create` and `run` share runc's flags: --bundle, --pid-file, --console-socket, --no-pivot, --no-new-keyring, --preserve-fds.
    func createOptions() throws -> CreateOptions {
        var options = CreateOptions(id: containerID, bundle: flags.string("bundle") ?? "")
        options.pidFile = flags.string("pid-file")
        options.consoleSocket = flags.string("console-socket")
        options.noPivot = flags.bool("no-pivot")
        options.noNewKeyring = flags.bool("no-new-keyring")
        let preserve = flags.int("preserve-fds") ?? 0
        guard preserve >= 0 else { throw RuntimeError.invalidArgument("--preserve-fds: must not be negative") }
        options.preserveFds = UInt32(preserve)
        // Socket activation (systemd): runc passes LISTEN_FDS fds on to the container.
        if let text = getenv("LISTEN_FDS").map({ String(cString: $0) }), let count = UInt32(text), count > 0 {
            options.listenFds = count
        }
        return options
    }
}
