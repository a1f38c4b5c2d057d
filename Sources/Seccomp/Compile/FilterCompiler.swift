import CSeccomp
import OCISpec

/// Turns linux.seccomp into a BPF program through libseccomp, in the parent. Every refusal names its JSON path.
enum FilterCompiler {
    /// What the compiler hands to `SeccompProgram`.
    struct Output {
        var bytecode: [UInt8]
        var skippedSyscalls: [String]
    }

    static let root = "linux.seccomp"

    static func compile(_ config: LinuxSeccomp) throws(SeccompError) -> Output {
        let defaultAction = try encodedAction(
            config.defaultAction, errnoRet: config.defaultErrnoRet, errnoRetPath: "\(root).defaultErrnoRet")
        guard let filter = LibseccompFilter(defaultAction: defaultAction) else {
            throw SeccompError(
                configPath: "\(root).defaultAction",
                detail: "libseccomp refused \(config.defaultAction.rawValue) as the default action")
        }
        try addArchitectures(config.architectures ?? [], to: filter)
        var skipped: [String] = []
        for (index, rule) in (config.syscalls ?? []).enumerated() {
            try addRule(rule, path: "\(root).syscalls[\(index)]", defaultAction: defaultAction, to: filter, skipped: &skipped)
        }
        let bytecode: [UInt8]
        do {
            bytecode = try filter.exportBPF()
        } catch {
            throw SeccompError(configPath: root, detail: "exporting the filter: \(error)")
        }
        try checkSize(bytecode)
        return Output(bytecode: bytecode, skippedSyscalls: skipped)
    }

    private static func addArchitectures(_ architectures: [Arch], to filter: borrowing LibseccompFilter) throws(SeccompError) {
        for (index, arch) in architectures.enumerated() {
            let path = "\(root).architectures[\(index)]"
            guard let token = arch.libseccompToken else {
                throw SeccompError(configPath: path, detail: "\(arch.rawValue) is not supported by libseccomp \(libseccompVersion)")
            }
            do {
                try filter.addArchitecture(token)
            } catch {
                throw SeccompError(configPath: path, detail: "libseccomp refused \(arch.rawValue): \(error)")
            }
        }
    }

    private static func addRule(
        _ rule: LinuxSyscall, path: String, defaultAction: UInt32,
        to filter: borrowing LibseccompFilter, skipped: inout [String]
    ) throws(SeccompError) {
        guard !rule.names.isEmpty else {
            throw SeccompError(configPath: "\(path).names", detail: "must contain at least one syscall name")
        }
        let action = try encodedAction(rule.action, errnoRet: rule.errnoRet, errnoRetPath: "\(path).errnoRet")
        var conditions: [scmp_arg_cmp] = []
        for (index, arg) in (rule.args ?? []).enumerated() {
            conditions.append(try encodedCondition(arg, path: "\(path).args[\(index)]"))
        }
        // libseccomp refuses a rule whose action is the default one (EACCES); it would change nothing anyway.
        if action == defaultAction { return }
        for (index, name) in rule.names.enumerated() {
            let number = seccomp_syscall_resolve_name(name)
            // Unknown to this libseccomp (newer than it, or another architecture's): skipped as runc does.
            if number == __NR_SCMP_ERROR {
                skipped.append(name)
                continue
            }
            do {
                for group in conditionGroups(conditions) {
                    try filter.addRule(action: action, syscall: number, conditions: group)
                }
            } catch {
                throw SeccompError(
                    configPath: "\(path).names[\(index)]", detail: "libseccomp refused the rule for \(name): \(error)")
            }
        }
    }

    /// Conditions on distinct arguments form one rule (all must match). When one argument is named twice libseccomp
    /// cannot AND them, so each condition becomes its own rule (any may match): runc's reading, which profiles rely on.
    static func conditionGroups(_ conditions: [scmp_arg_cmp]) -> [[scmp_arg_cmp]] {
        let indexes = Set(conditions.map(\.arg))
        if indexes.count == conditions.count { return [conditions] }
        return conditions.map { [$0] }
    }

    /// The kernel takes at most BPF_MAXINSNS (4096) instructions; say so at create rather than at load.
    private static func checkSize(_ bytecode: [UInt8]) throws(SeccompError) {
        let instructions = bytecode.count / bpfInstructionSize
        if instructions > 4096 {
            throw SeccompError(
                configPath: "\(root).syscalls",
                detail: "the filter has \(instructions) BPF instructions, more than the kernel's 4096")
        }
    }
}

/// sizeof(struct sock_filter). Computed, not a global `let`: the child reads it and must not run a lazy initialiser.
var bpfInstructionSize: Int { MemoryLayout<sock_filter>.size }

/// "2.5.4", for messages.
var libseccompVersion: String {
    guard let version = seccomp_version() else { return "(unknown version)" }
    return "\(version.pointee.major).\(version.pointee.minor).\(version.pointee.micro)"
}
