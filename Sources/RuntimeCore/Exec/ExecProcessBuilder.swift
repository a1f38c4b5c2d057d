import OCISpec
import LinuxSys
import Glibc

/// The process `exec` runs, as runc's getProcess builds it: `--process p.json` decoded as a spec Process, or
/// the container's config.json process with the command-line arguments and flags laid over it.
enum ExecProcessBuilder {
    static func build(_ options: ExecOptions, containerSpec: Spec?) throws(RuntimeError) -> Process {
        var process: Process
        if let path = options.processPath {
            process = try decodeProcessFile(path)
        } else {
            guard let base = containerSpec?.process else {
                throw .invalidArgument("exec: the container's config.json has no process to start from")
            }
            guard !options.args.isEmpty else { throw .invalidArgument("exec: no command given (args must not be empty)") }
            process = base
            process.args = options.args
            process.terminal = false
        }
        try apply(options, to: &process)
        guard !(process.args ?? []).isEmpty else { throw .invalidArgument("args must not be empty") }
        return process
    }

    private static func decodeProcessFile(_ path: String) throws(RuntimeError) -> Process {
        let bytes: [UInt8]
        do { bytes = try FileDescriptor.open(path, O_RDONLY).readAll() } catch { throw .system(stage: "exec --process", error) }
        do { return try SpecDecoder.decode(Process.self, from: bytes) } catch { throw .invalidConfig(error) }
    }

    /// The flags runc lays over either source.
    private static func apply(_ options: ExecOptions, to process: inout Process) throws(RuntimeError) {
        if let cwd = options.cwd, !cwd.isEmpty { process.cwd = cwd }
        if let profile = options.apparmorProfile, !profile.isEmpty { process.apparmorProfile = profile }
        if let label = options.processLabel, !label.isEmpty { process.selinuxLabel = label }
        if !options.capabilities.isEmpty {
            var caps = process.capabilities ?? LinuxCapabilities()
            for name in options.capabilities {
                let spelled = name.uppercased().hasPrefix("CAP_") ? name.uppercased() : "CAP_" + name.uppercased()
                guard let capability = Capability(rawValue: spelled) else { throw .invalidArgument("unknown capability \"\(name)\"") }
                caps.bounding = (caps.bounding ?? []) + [capability]
                caps.effective = (caps.effective ?? []) + [capability]
                caps.permitted = (caps.permitted ?? []) + [capability]
            }
            process.capabilities = caps
        }
        process.env = (process.env ?? []) + options.env
        if let tty = options.tty { process.terminal = tty }
        if let noNewPrivileges = options.noNewPrivileges { process.noNewPrivileges = noNewPrivileges }
        if let user = options.user, !user.isEmpty {
            let parts = user.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2, let uid = UInt32(parts[0]) else {
                throw .invalidArgument("parsing \(user) as uid[:gid]: expected numbers")
            }
            process.user.uid = uid
            if parts.count == 2 {
                guard let gid = UInt32(parts[1]) else { throw .invalidArgument("parsing \(user) as uid[:gid]: expected numbers") }
                process.user.gid = gid
            }
        }
        for text in options.additionalGids {
            guard let gid = UInt32(text) else { throw .invalidArgument("invalid additional-gids value \"\(text)\"") }
            process.user.additionalGids = (process.user.additionalGids ?? []) + [gid]
        }
    }
}
