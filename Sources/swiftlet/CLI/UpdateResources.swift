import LinuxSys
import OCISpec
import RuntimeCore
import Glibc

/// `update`'s input: a LinuxResources JSON (`-r FILE`, `-r -` for stdin, as docker sends it), then runc's
/// individual flags on top of it.
enum UpdateResources {
    static func parse(_ flags: ParsedFlags) throws -> LinuxResources {
        var resources = LinuxResources()
        if let source = flags.string("resources") {
            let bytes: [UInt8]
            if source == "-" {
                bytes = try FileDescriptor(adopting: dup(STDIN_FILENO)).readAll()
            } else {
                bytes = try FileContents.read(source)
            }
            do { resources = try SpecDecoder.decode(LinuxResources.self, from: bytes) } catch {
                throw RuntimeError.invalidArgument("update: resources: \(error)")
            }
        }
        for name in ["l3-cache-schema", "mem-bw-schema"] where flags.isSet(name) {
            throw RuntimeError.invalidArgument("--\(name): Intel RDT is not supported on this host")
        }
        var memory = resources.memory ?? LinuxMemory()
        var cpu = resources.cpu ?? LinuxCPU()
        if let value = try signed(flags, "memory") { memory.limit = value }
        if let value = try signed(flags, "memory-reservation") { memory.reservation = value }
        if let value = try signed(flags, "memory-swap") { memory.swap = value }
        if let value = try signed(flags, "kernel-memory") { memory.kernel = value }
        if let value = try signed(flags, "kernel-memory-tcp") { memory.kernelTCP = value }
        if let value = try unsigned(flags, "cpu-share") { cpu.shares = value }
        if let value = try signed(flags, "cpu-quota") { cpu.quota = value }
        if let value = try unsigned(flags, "cpu-period") { cpu.period = value }
        if let value = try unsigned(flags, "cpu-rt-period") { cpu.realtimePeriod = value }
        if let value = try signed(flags, "cpu-rt-runtime") { cpu.realtimeRuntime = value }
        if let value = try signed(flags, "cpu-idle") { cpu.idle = value }
        if let value = flags.string("cpuset-cpus") { cpu.cpus = value }
        if let value = flags.string("cpuset-mems") { cpu.mems = value }
        if memory != LinuxMemory() { resources.memory = memory }
        if cpu != LinuxCPU() { resources.cpu = cpu }
        if flags.isSet("pids-limit"), let limit = flags.int("pids-limit") { resources.pids = LinuxPids(limit: Int64(limit)) }
        if flags.isSet("blkio-weight"), let weight = flags.int("blkio-weight") {
            var blockIO = resources.blockIO ?? LinuxBlockIO()
            blockIO.weight = UInt16(clamping: weight)
            resources.blockIO = blockIO
        }
        return resources
    }

    private static func signed(_ flags: ParsedFlags, _ name: String) throws -> Int64? {
        guard let text = flags.string(name), !text.isEmpty else { return nil }
        guard let value = Int64(text) else { throw RuntimeError.invalidArgument("invalid value for --\(name): \(text)") }
        return value
    }

    private static func unsigned(_ flags: ParsedFlags, _ name: String) throws -> UInt64? {
        guard let text = flags.string(name), !text.isEmpty else { return nil }
        guard let value = UInt64(text) else { throw RuntimeError.invalidArgument("invalid value for --\(name): \(text)") }
        return value
    }
}
