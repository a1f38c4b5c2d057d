import CSeccomp
import Glibc
import LinuxSys
import OCISpec

/// A container's seccomp filter, compiled in the parent before the fork and loaded in the child.
///
/// Compiling needs libseccomp, which allocates; the child between fork and exec must not, so the parent keeps only
/// the exported BPF and the seccomp(2) flags, and the child makes one system call. The value is plain data:
/// keep it (or `bytecode` + `filterFlags`) for `exec`, which loads the same filter into the new process.
public struct SeccompProgram: Sendable, Equatable {
    /// The classic-BPF program, an array of struct sock_filter as the kernel takes it.
    public let bytecode: [UInt8]
    /// What seccomp(SECCOMP_SET_MODE_FILTER) gets: the spec's flags plus NEW_LISTENER / TSYNC_ESRCH when needed.
    public let filterFlags: FilterFlags
    /// Loading returns a listener fd that must reach the agent at `listenerPath` (SeccompListener.send).
    public let usesNotify: Bool
    /// Syscall names libseccomp did not know, left out as runc does; worth a debug log line.
    public let skippedSyscalls: [String]

    public init(bytecode: [UInt8], filterFlags: FilterFlags, usesNotify: Bool, skippedSyscalls: [String] = []) {
        self.bytecode = bytecode
        self.filterFlags = filterFlags
        self.usesNotify = usesNotify
        self.skippedSyscalls = skippedSyscalls
    }

    public var instructionCount: Int { bytecode.count / bpfInstructionSize }

    /// Parent side, before the fork. Errors name the JSON path of the value libseccomp or this kernel refuses.
    /// (`SeccompProgramCache` skips libseccomp when the same config was compiled before.)
    public static func compile(_ config: LinuxSeccomp) throws(SeccompError) -> SeccompProgram {
        let filterFlags = try checkedFlags(config)
        let compiled = try FilterCompiler.compile(config)
        return SeccompProgram(
            bytecode: compiled.bytecode, filterFlags: filterFlags, usesNotify: NotifyRules.usesNotify(config),
            skippedSyscalls: compiled.skippedSyscalls)
    }

    /// A program from BPF compiled earlier for this same config: the checks and flags are redone (they depend on
    /// the kernel and are cheap), libseccomp is not.
    static func assemble(_ config: LinuxSeccomp, bytecode: [UInt8], skippedSyscalls: [String]) throws(SeccompError) -> SeccompProgram {
        SeccompProgram(
            bytecode: bytecode, filterFlags: try checkedFlags(config), usesNotify: NotifyRules.usesNotify(config),
            skippedSyscalls: skippedSyscalls)
    }

    /// The notify rules hold and this kernel applies every requested flag; the seccomp(2) flags to use.
    private static func checkedFlags(_ config: LinuxSeccomp) throws(SeccompError) -> FilterFlags {
        try NotifyRules.check(config)
        let requested = config.flags ?? []
        for (index, flag) in requested.enumerated() where !FilterFlags.kernelSupports(flag) {
            throw SeccompError(
                configPath: "\(FilterCompiler.root).flags[\(index)]", detail: "\(flag.rawValue) is not supported by this kernel")
        }
        return .resolved(requested, usesNotify: NotifyRules.usesNotify(config))
    }

    /// Child side, after the fork: installs the filter with one seccomp(2) call and returns the listener fd
    /// (close-on-exec) when the filter notifies. Async-signal-safe: no allocation, no libseccomp, no locks.
    ///
    /// The caller needs no_new_privs set, or CAP_SYS_ADMIN in its user namespace (EACCES otherwise): that is why
    /// without noNewPrivileges the filter must go in before the capabilities are dropped.
    public func load() throws(SystemError) -> Int32? {
        let result = installFilter()
        if result < 0 { throw SystemError(op: "seccomp", path: nil, errno: Errno(Int32(-result))) }
        return usesNotify ? Int32(result) : nil
    }

    /// seccomp(2); a negative errno on failure. Touches no lazily initialised global (swift_once may lock).
    private func installFilter() -> Int {
        let count = instructionCount
        let flags = filterFlags.rawValue
        return bytecode.withUnsafeBytes { raw -> Int in
            guard let base = raw.baseAddress, count > 0, count <= Int(UInt16.max) else { return -Int(EINVAL) }
            var program = sock_fprog(
                len: UInt16(count),
                filter: UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: sock_filter.self)))
            let result = csc_seccomp(UInt32(SECCOMP_SET_MODE_FILTER), flags, &program)
            return result == -1 ? -Int(Errno.current.rawValue) : result
        }
    }
}
