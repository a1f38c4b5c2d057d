import RuntimeCore

/// `update [options] <container-id>`: changes resource limits of a running container.
enum UpdateCommand: Command {
    static let spec = CommandSpec(
        name: "update", usage: "update container resource constraints", argsUsage: "<container-id>",
        flags: [
            FlagSpec(
                ["resources", "r"], .string,
                "path to the file containing the resources to update or '-' to read from the standard input"),
            FlagSpec(["blkio-weight"], .int, "Specifies per cgroup weight, range is from 10 to 1000", default: "0"),
            FlagSpec(["cpu-period"], .string, "CPU CFS period to be used for hardcapping (in usecs). 0 to use system default"),
            FlagSpec(["cpu-quota"], .string, "CPU CFS hardcap limit (in usecs). Allowed cpu time in a given period"),
            FlagSpec(["cpu-share", "cpu-shares"], .string, "CPU shares (relative weight vs. other containers)"),
            FlagSpec(["cpu-idle"], .string, "set cgroup SCHED_IDLE or not, 0: default behavior, 1: SCHED_IDLE"),
            FlagSpec(["kernel-memory"], .string, "(obsoleted; do not use)"),
            FlagSpec(["kernel-memory-tcp"], .string, "(obsoleted; do not use)"),
            FlagSpec(
                ["cpu-rt-period"], .string,
                "CPU realtime period to be used for hardcapping (in usecs). 0 to use system default"),
            FlagSpec(
                ["cpu-rt-runtime"], .string, "CPU realtime hardcap limit (in usecs). Allowed cpu time in a given period"),
            FlagSpec(["cpuset-cpus"], .string, "CPU(s) to use"),
            FlagSpec(["cpuset-mems"], .string, "Memory node(s) to use"),
            FlagSpec(["memory"], .string, "Memory limit (in bytes)"),
            FlagSpec(["memory-reservation"], .string, "Memory reservation or soft_limit (in bytes)"),
            FlagSpec(
                ["memory-swap"], .string, "Total memory usage (memory + swap); set '-1' to enable unlimited swap"),
            FlagSpec(["pids-limit"], .int, "Maximum number of pids allowed in the container", default: "0"),
            FlagSpec(["l3-cache-schema"], .string, "The string of Intel RDT/CAT L3 cache schema"),
            FlagSpec(["mem-bw-schema"], .string, "The string of Intel RDT/MBA memory bandwidth schema"),
        ],
        arity: .exactly(1))

    static func run(_ context: CommandContext) throws -> Int32 {
        let store = try StateStore(root: context.globals.root)
        let resources = try UpdateResources.parse(context.flags)
        try UpdateOperation.run(id: context.containerID, resources: resources, store: store)
        return 0
    }
}
