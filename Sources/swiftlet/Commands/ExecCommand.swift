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

    static func run(_ context: CommandContext) throws -> Int32 {
        throw RuntimeError.notImplemented(command: spec.name)
    }
}
