import RuntimeCore

/// `exec [options] <container-id> <command> [args…]` or `exec -p process.json <container-id>`.
/// Flags are not reordered: everything after the command belongs to it (`exec ID ps -ef`).
enum ExecCommand: Command {
    static let spec = CommandSpec(
        name: "exec", usage: "execute new process inside the container",
        argsUsage: """
            <container-id> <command> [command options]  || -p process.json <container-id>

            Where "<container-id>" is the name for the instance of the container and
            "<command>" is the command to be executed in the container.
            "<command>" can't be empty unless a "-p" flag provided.
            """,
        flags: [
            CommonFlags.consoleSocket, CommonFlags.pidfdSocket,
            FlagSpec(["cwd"], .string, "current working directory in the container"),
            FlagSpec(["env", "e"], .repeated, "set environment variables"),
            FlagSpec(["tty", "t"], .bool, "allocate a pseudo-TTY"),
            FlagSpec(["user", "u"], .string, "UID (format: <uid>[:<gid>])"),
            FlagSpec(["additional-gids", "g"], .repeated, "additional gids"),
            FlagSpec(["process", "p"], .string, "path to the process.json"),
            CommonFlags.detach, CommonFlags.pidFile,
            FlagSpec(["process-label"], .string, "set the asm process label for the process commonly used with selinux"),
            FlagSpec(["apparmor"], .string, "set the apparmor profile for the process"),
            FlagSpec(["no-new-privs"], .bool, "set the no new privileges value for the process"),
            FlagSpec(["cap", "c"], .repeated, "add a capability to the bounding set for the process"),
            CommonFlags.preserveFDs,
            FlagSpec(
                ["cgroup"], .repeated,
                "run the process in an (existing) sub-cgroup(s). Format is [<controller>:]<cgroup>."),
            FlagSpec(["ignore-paused"], .bool, "allow exec in a paused container"),
        ],
        arity: .atLeast(1), reordersFlags: false)

    /// Exits with the process' status; a failure to start it exits 255, as runc's exec does.
    static func run(_ context: CommandContext) throws -> Int32 {
        let store = try StateStore(root: context.globals.root)
        do {
            return try ExecOperation.run(options(context), store: store)
        } catch {
            _ = TopLevel.report(error)
            return 255
        }
    }

    static func options(_ context: CommandContext) throws(RuntimeError) -> ExecOptions {
        let flags = context.flags
        var options = ExecOptions(id: context.containerID)
        options.args = Array(context.arguments.dropFirst())
        options.processPath = flags.string("process")
        options.detach = flags.bool("detach")
        options.tty = flags.isSet("tty") ? flags.bool("tty") : nil
        options.consoleSocket = flags.string("console-socket")
        options.pidFile = flags.string("pid-file")
        options.cwd = flags.string("cwd")
        options.env = flags.strings("env")
        options.user = flags.string("user")
        options.additionalGids = flags.strings("additional-gids")
        options.capabilities = flags.strings("cap")
        options.noNewPrivileges = flags.isSet("no-new-privs") ? flags.bool("no-new-privs") : nil
        options.processLabel = flags.string("process-label")
        options.apparmorProfile = flags.string("apparmor")
        options.cgroups = flags.strings("cgroup")
        options.ignorePaused = flags.bool("ignore-paused")
        let preserve = flags.int("preserve-fds") ?? 0
        guard preserve >= 0 else { throw .invalidArgument("--preserve-fds: must not be negative") }
        options.preserveFds = UInt32(preserve)
        if options.processPath == nil && options.args.isEmpty {
            throw .invalidArgument("exec: no command given (args must not be empty)")
        }
        return options
    }
}
