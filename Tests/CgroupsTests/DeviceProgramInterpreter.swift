@testable import Cgroups

/// Runs a device program on one request, for exactly the instructions DeviceProgram emits, with the meaning the
/// kernel gives them. Opcodes are spelled out from linux/bpf.h rather than taken from DeviceProgram, so a wrong
/// constant there shows up here. What the verifier would refuse (an unknown opcode, a reserved field set, reading a
/// register never written, a backward or out-of-range jump, a return other than 0 or 1) is a failure.
enum DeviceProgramInterpreter {
    /// What struct bpf_cgroup_dev_ctx carries: type 1 block / 2 char, access a subset of 1 mknod, 2 read, 4 write.
    struct Request: Hashable, CustomStringConvertible {
        var type: UInt32
        var major: UInt32
        var minor: UInt32
        var access: UInt32

        var description: String { "\(type == 1 ? "b" : type == 2 ? "c" : "\(type)") \(major):\(minor) access \(access)" }
    }

    struct Failure: Error, CustomStringConvertible {
        var pc: Int
        var reason: String
        var description: String { "insn \(pc): \(reason)" }
    }

    private enum Value { case context, scalar(UInt64) }

    /// True for allow (r0 = 1), false for deny (r0 = 0); a nil program allows everything.
    static func allows(_ program: [DeviceProgram.Instruction]?, _ request: Request) throws(Failure) -> Bool {
        guard let program else { return true }
        var registers = [Value?](repeating: nil, count: 11)
        registers[1] = .context
        var pc = 0
        func scalar(_ register: UInt8) throws(Failure) -> UInt64 {
            guard register < 11, case .scalar(let value) = registers[Int(register)] else {
                throw Failure(pc: pc, reason: "r\(register) is not a written scalar")
            }
            return value
        }
        func reserved(_ fields: Bool) throws(Failure) {
            guard fields else { throw Failure(pc: pc, reason: "reserved field set") }
        }
        while pc < program.count {
            let insn = program[pc]
            let dst = Int(insn.destination), imm = insn.immediate
            guard dst < 10, insn.source < 11 else { throw Failure(pc: pc, reason: "bad register") }
            var jump = false
            switch insn.opcode {
            case 0x61:  // ldx u32 from the context
                try reserved(insn.immediate == 0)
                guard case .context = registers[Int(insn.source)] else { throw Failure(pc: pc, reason: "load from a non-context") }
                switch insn.offset {
                case 0: registers[dst] = .scalar(UInt64(request.type | request.access << 16))
                case 4: registers[dst] = .scalar(UInt64(request.major))
                case 8: registers[dst] = .scalar(UInt64(request.minor))
                default: throw Failure(pc: pc, reason: "context offset \(insn.offset)")
                }
            case 0x54:  // w_dst &= imm
                try reserved(insn.source == 0 && insn.offset == 0)
                registers[dst] = .scalar(UInt64(UInt32(truncatingIfNeeded: try scalar(insn.destination)) & UInt32(bitPattern: imm)))
            case 0x74:  // w_dst >>= imm
                try reserved(insn.source == 0 && insn.offset == 0 && imm >= 0 && imm < 32)
                registers[dst] = .scalar(UInt64(UInt32(truncatingIfNeeded: try scalar(insn.destination)) >> UInt32(imm)))
            case 0xbc:  // w_dst = w_src (zero-extends)
                try reserved(insn.offset == 0 && imm == 0)
                registers[dst] = .scalar(UInt64(UInt32(truncatingIfNeeded: try scalar(insn.source))))
            case 0xb7:  // dst = imm (sign-extended)
                try reserved(insn.source == 0 && insn.offset == 0)
                registers[dst] = .scalar(UInt64(bitPattern: Int64(imm)))
            case 0x15, 0x55:  // jeq / jne dst, imm (64-bit compare, imm sign-extended)
                try reserved(insn.source == 0)
                let equal = try scalar(insn.destination) == UInt64(bitPattern: Int64(imm))
                jump = equal == (insn.opcode == 0x15)
            case 0x1d, 0x5d:  // jeq / jne dst, src
                try reserved(imm == 0)
                let equal = try scalar(insn.destination) == (try scalar(insn.source))
                jump = equal == (insn.opcode == 0x1d)
            case 0x05:  // ja
                try reserved(insn.source == 0 && insn.destination == 0 && imm == 0)
                jump = true
            case 0x95:  // exit
                try reserved(insn.source == 0 && insn.destination == 0 && insn.offset == 0 && imm == 0)
                switch try scalar(0) {
                case 0: return false
                case 1: return true
                case let value: throw Failure(pc: pc, reason: "returns \(value)")
                }
            default:
                throw Failure(pc: pc, reason: "opcode 0x\(String(insn.opcode, radix: 16)) not in the subset")
            }
            if jump {
                // Forward only, and inside the program: that also makes every run end.
                guard insn.offset >= 0, pc + 1 + Int(insn.offset) < program.count else {
                    throw Failure(pc: pc, reason: "jump by \(insn.offset) leaves the program or goes back")
                }
                pc += Int(insn.offset)
            }
            pc += 1
        }
        throw Failure(pc: pc, reason: "ran off the end")
    }

    /// Instructions no path reaches, which the verifier refuses ("unreachable insn"), ignoring register values.
    static func unreachable(_ program: [DeviceProgram.Instruction]) -> [Int] {
        var reached = [Bool](repeating: false, count: program.count)
        if !program.isEmpty { reached[0] = true }
        for (pc, insn) in program.enumerated() where reached[pc] {
            let isJump = [0x15, 0x55, 0x1d, 0x5d, 0x05].contains(insn.opcode)
            let target = pc + 1 + Int(insn.offset)
            if isJump, insn.offset >= 0, target < program.count { reached[target] = true }
            if insn.opcode != 0x95, insn.opcode != 0x05, pc + 1 < program.count { reached[pc + 1] = true }
        }
        return reached.indices.filter { !reached[$0] }
    }
}
