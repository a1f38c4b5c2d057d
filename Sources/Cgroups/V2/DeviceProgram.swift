/// The cgroup v2 device controller is an eBPF program (BPF_PROG_TYPE_CGROUP_DEVICE) run on every device
/// access; this builds it from the rules, written out as instructions (no libbpf, no compiler).
///
/// Semantics follow the v1 list the rules were written for: the last "a" rule sets the default
/// (allow or deny everything), later rules are exceptions, and among exceptions the last match wins.
/// Without an "a" rule the default is allow, as a fresh v1 group inherits its parent's allow-all list.
///
/// Two shapes: when every exception says the opposite of the default (deny all + allow list, the list every
/// container gets), order does not matter and the rules become a decision tree (DeviceDecisionTree), which the
/// kernel's verifier checks in under a third of the time; mixed verdicts keep a chain of blocks, last rule first.
enum DeviceProgram {
    /// One eBPF instruction (struct bpf_insn): opcode, dst and src registers, offset, immediate.
    struct Instruction: Equatable {
        var opcode: UInt8
        var destination: UInt8 = 0
        var source: UInt8 = 0
        var offset: Int16 = 0
        var immediate: Int32 = 0

        var bytes: [UInt8] {
            let off = UInt16(bitPattern: offset)
            let imm = UInt32(bitPattern: immediate)
            return [opcode, (source << 4) | (destination & 0x0f), UInt8(off & 0xff), UInt8(off >> 8),
                    UInt8(imm & 0xff), UInt8((imm >> 8) & 0xff), UInt8((imm >> 16) & 0xff), UInt8(imm >> 24)]
        }
    }

    // Opcodes (linux/bpf_common.h, linux/bpf.h).
    static let loadWord: UInt8 = 0x61          // BPF_LDX | BPF_MEM | BPF_W
    static let and32Immediate: UInt8 = 0x54    // BPF_ALU | BPF_AND | BPF_K
    static let shiftRight32: UInt8 = 0x74      // BPF_ALU | BPF_RSH | BPF_K
    static let move32Register: UInt8 = 0xbc    // BPF_ALU | BPF_MOV | BPF_X
    static let move64Immediate: UInt8 = 0xb7   // BPF_ALU64 | BPF_MOV | BPF_K
    static let jumpEqualImmediate: UInt8 = 0x15     // BPF_JMP | BPF_JEQ | BPF_K
    static let jumpEqualRegister: UInt8 = 0x1d      // BPF_JMP | BPF_JEQ | BPF_X
    static let jumpNotEqualImmediate: UInt8 = 0x55  // BPF_JMP | BPF_JNE | BPF_K
    static let jumpNotEqualRegister: UInt8 = 0x5d   // BPF_JMP | BPF_JNE | BPF_X
    static let jumpAlways: UInt8 = 0x05        // BPF_JMP | BPF_JA
    static let exit: UInt8 = 0x95              // BPF_JMP | BPF_EXIT

    /// Registers: r1 holds the context on entry and is free (scratch) once the prologue has read it.
    enum Register {
        static let context: UInt8 = 1, scratch: UInt8 = 1, type: UInt8 = 2, access: UInt8 = 3, major: UInt8 = 4, minor: UInt8 = 5
    }

    // struct bpf_cgroup_dev_ctx { u32 access_type (type | access << 16); u32 major; u32 minor; }
    static let prologue: [Instruction] = [
        Instruction(opcode: loadWord, destination: Register.type, source: Register.context, offset: 0),
        Instruction(opcode: and32Immediate, destination: Register.type, immediate: 0xffff),
        Instruction(opcode: loadWord, destination: Register.access, source: Register.context, offset: 0),
        Instruction(opcode: shiftRight32, destination: Register.access, immediate: 16),
        Instruction(opcode: loadWord, destination: Register.major, source: Register.context, offset: 4),
        Instruction(opcode: loadWord, destination: Register.minor, source: Register.context, offset: 8),
    ]

    /// scratch = requested access & mask: equal to the requested access exactly when it is a subset of the mask's.
    static func maskedAccess(_ mask: Int32) -> [Instruction] {
        [Instruction(opcode: move32Register, destination: Register.scratch, source: Register.access),
         Instruction(opcode: and32Immediate, destination: Register.scratch, immediate: mask)]
    }

    /// BPF_DEVCG_DEV_BLOCK / _CHAR.
    static func deviceType(_ kind: DeviceRule.Kind) -> Int32? {
        switch kind {
        case .block: return 1
        case .char: return 2
        case .all: return nil
        }
    }

    /// BPF_DEVCG_ACC_MKNOD 1, READ 2, WRITE 4.
    static func accessMask(_ access: String) -> Int32 {
        (access.contains("m") ? 1 : 0) | (access.contains("r") ? 2 : 0) | (access.contains("w") ? 4 : 0)
    }

    /// "r0 = verdict; exit".
    static func returning(_ allow: Bool) -> [Instruction] {
        [Instruction(opcode: move64Immediate, destination: 0, immediate: allow ? 1 : 0), Instruction(opcode: exit)]
    }

    /// The program, or nil when the rules allow everything (no program needed).
    static func build(_ rules: [DeviceRule]) -> [Instruction]? {
        let lastWildcard = rules.lastIndex(where: { $0.isWildcard })
        let defaultAllow = lastWildcard.map { rules[$0].allow } ?? true
        // Exceptions that agree with the default before the first one that does not never decide anything:
        // a later match overrides them, and without one the default gives the same answer.
        let exceptions = Array(rules[(lastWildcard.map { $0 + 1 } ?? 0)...].drop(while: { $0.allow == defaultAllow }))
        if exceptions.isEmpty { return defaultAllow ? nil : returning(false) }
        if exceptions.allSatisfy({ $0.allow != defaultAllow }),
           let tree = DeviceDecisionTree.build(matching: exceptions, verdict: !defaultAllow) {
            return tree
        }
        var program = prologue
        // Last match wins: emit the exceptions in reverse, each returning on a match.
        for rule in exceptions.reversed() { program += block(for: rule) }
        return program + returning(defaultAllow)
    }

    /// "if the access matches this rule, return allow/deny", falling through to the next block otherwise.
    private static func block(for rule: DeviceRule) -> [Instruction] {
        var tests: [Instruction] = []
        if let type = deviceType(rule.kind) {
            tests.append(Instruction(opcode: jumpNotEqualImmediate, destination: Register.type, immediate: type))
        }
        let mask = accessMask(rule.access)
        if mask != 7 {
            // Requested access must be a subset of the rule's: masked != requested → no match.
            tests += maskedAccess(mask)
            tests.append(Instruction(opcode: jumpNotEqualRegister, destination: Register.scratch, source: Register.access))
        }
        if let major = rule.major {
            tests.append(Instruction(opcode: jumpNotEqualImmediate, destination: Register.major, immediate: Int32(truncatingIfNeeded: major)))
        }
        if let minor = rule.minor {
            tests.append(Instruction(opcode: jumpNotEqualImmediate, destination: Register.minor, immediate: Int32(truncatingIfNeeded: minor)))
        }
        let result = returning(rule.allow)
        // Each conditional jump skips to the end of this block: offsets count the instructions after the jump.
        let length = tests.count + result.count
        for index in tests.indices where tests[index].opcode != move32Register && tests[index].opcode != and32Immediate {
            tests[index].offset = Int16(length - index - 1)
        }
        return tests + result
    }
}
