import RuntimeCore

/// Shared flag declarations, worded as runc's.
enum CommonFlags {
    static let bundle = FlagSpec(
        ["bundle", "b"], .string, "path to the root of the bundle directory, defaults to the current directory")
    static let consoleSocket = FlagSpec(
        ["console-socket"], .string,
        "path to an AF_UNIX socket which will receive a file descriptor referencing the master end of the console's pseudoterminal")
    static let pidfdSocket = FlagSpec(
        ["pidfd-socket"], .string, "path to an AF_UNIX socket which will receive a file descriptor referencing the init process")
    static let pidFile = FlagSpec(["pid-file"], .string, "specify the file to write the process id to")
    static let noPivot = FlagSpec(
        ["no-pivot"], .bool,
        "do not use pivot root to jail process inside rootfs.  This should be used whenever the rootfs is on top of a ramdisk")
    static let noNewKeyring = FlagSpec(
        ["no-new-keyring"], .bool,
        "do not create a new session keyring for the container.  This will cause the container to inherit the calling processes session key")
    static let preserveFDs = FlagSpec(
        ["preserve-fds"], .int, "Pass N additional file descriptors to the container (stdio + $LISTEN_FDS + N in total)",
        default: "0")
    static let detach = FlagSpec(["detach", "d"], .bool, "detach from the container's process")
    static let format = FlagSpec(["format", "f"], .string, "select one of: table or json", default: "table")

    static let idUsage = """
        <container-id>

        Where "<container-id>" is the name for the instance of the container.
        """
    static let newIDUsage = """
        <container-id>

        Where "<container-id>" is your name for the instance of the container that you
        are starting. The name you provide for the container instance must be unique on
        your host.
        """
}
