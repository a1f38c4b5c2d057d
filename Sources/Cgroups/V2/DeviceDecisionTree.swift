/// Device rules that all give the same verdict, compiled as a decision tree: any match gives the verdict, no match
/// the opposite, so the order of the rules does not matter and each request walks one short path.
///
/// The tree tests the device type, then the access mask (one test per distinct mask), then the major, then the
/// minor, with forward jumps only to one shared exit per verdict. The verifier follows every path but stops where a
/// path joins one it has seen, so for the default rules (33 instructions) it processes 51 where the chain of blocks
/// (64) cost 228, and BPF_PROG_LOAD takes ~72 µs instead of ~245 µs.
enum DeviceDecisionTree {
    typealias Instruction = DeviceProgram.Instruction
    private typealias Label = DeviceProgramAssembly.Label

    private typealias Register = DeviceProgram.Register

    /// The program returning `verdict` when a rule matches the request and the opposite otherwise; nil when it does
    /// not fit the jump offsets (tens of thousands of rules).
    static func build(matching rules: [DeviceRule], verdict: Bool) -> [Instruction]? {
        var assembly = DeviceProgramAssembly()
        let matched = assembly.newLabel(), unmatched = assembly.newLabel()
        assembly.emit(DeviceProgram.prologue)
        // Rules of every type first: when none matches, the typed sections still get their turn.
        let anyType = rules.filter { $0.kind == .all }
        if !anyType.isEmpty {
            let typedSections = assembly.newLabel()
            emitAccessGroups(anyType, matched: matched, unmatched: typedSections, into: &assembly)
            assembly.place(typedSections)
        }
        for kind in [DeviceRule.Kind.char, .block] {
            let section = rules.filter { $0.kind == kind }
            guard !section.isEmpty, let deviceType = DeviceProgram.deviceType(kind) else { continue }
            let otherType = assembly.newLabel()
            assembly.jump(Instruction(opcode: DeviceProgram.jumpNotEqualImmediate, destination: Register.type, immediate: deviceType),
                          to: otherType)
            // The type matched, so no other section can: a miss here is final.
            emitAccessGroups(section, matched: matched, unmatched: unmatched, into: &assembly)
            assembly.place(otherType)
        }
        assembly.place(unmatched)
        assembly.emit(DeviceProgram.returning(!verdict))
        assembly.place(matched)
        assembly.emit(DeviceProgram.returning(verdict))
        return assembly.instructions()
    }

    /// One group per distinct access mask; a group that fails falls through to the next.
    private static func emitAccessGroups(
        _ rules: [DeviceRule], matched: Label, unmatched: Label, into assembly: inout DeviceProgramAssembly
    ) {
        let groups = Dictionary(grouping: rules, by: { DeviceProgram.accessMask($0.access) })
        // Groups that match any device are a single test: cheapest first.
        let masks = groups.keys.sorted { left, right in
            let leftAny = matchesAnyDevice(groups[left] ?? []), rightAny = matchesAnyDevice(groups[right] ?? [])
            return leftAny != rightAny ? leftAny : left < right
        }
        for (index, mask) in masks.enumerated() {
            let next = index == masks.count - 1 ? unmatched : assembly.newLabel()
            emitAccessGroup(groups[mask] ?? [], mask: mask, matched: matched, unmatched: next, into: &assembly)
            if next != unmatched { assembly.place(next) }
        }
    }

    private static func matchesAnyDevice(_ rules: [DeviceRule]) -> Bool {
        rules.contains { $0.major == nil && $0.minor == nil }
    }

    /// Rules sharing one access mask: the access test, then majors and minors.
    private static func emitAccessGroup(
        _ rules: [DeviceRule], mask: Int32, matched: Label, unmatched: Label, into assembly: inout DeviceProgramAssembly
    ) {
        let always = Instruction(opcode: DeviceProgram.jumpAlways)
        let anyDevice = matchesAnyDevice(rules)
        if mask != 7 {
            // The requested access must be a subset of the mask: r1 = r3 & mask, compared with r3.
            assembly.emit(DeviceProgram.maskedAccess(mask))
            if anyDevice {
                assembly.jump(Instruction(opcode: DeviceProgram.jumpEqualRegister, destination: Register.scratch, source: Register.access), to: matched)
                assembly.jump(always, to: unmatched)
                return
            }
            assembly.jump(Instruction(opcode: DeviceProgram.jumpNotEqualRegister, destination: Register.scratch, source: Register.access), to: unmatched)
        } else if anyDevice {
            assembly.jump(always, to: matched)
            return
        }
        // Any major with these minors.
        for value in immediates(rules.filter { $0.major == nil }.compactMap(\.minor)) {
            assembly.jump(jumpIfEqual(Register.minor, value), to: matched)
        }
        let byMajor = Dictionary(grouping: rules.filter { $0.major != nil }, by: { immediate($0.major ?? 0) })
        let wholeMajors = Set(byMajor.filter { $0.value.contains { $0.minor == nil } }.keys)
        for value in wholeMajors.sorted() {
            assembly.jump(jumpIfEqual(Register.major, value), to: matched)
        }
        for value in byMajor.keys.filter({ !wholeMajors.contains($0) }).sorted() {
            let otherMajor = assembly.newLabel()
            assembly.jump(Instruction(opcode: DeviceProgram.jumpNotEqualImmediate, destination: Register.major, immediate: value),
                          to: otherMajor)
            for minorValue in immediates((byMajor[value] ?? []).compactMap(\.minor)) {
                assembly.jump(jumpIfEqual(Register.minor, minorValue), to: matched)
            }
            // The major matched, so no other major in this group can.
            assembly.jump(always, to: unmatched)
            assembly.place(otherMajor)
        }
        assembly.jump(always, to: unmatched)
    }

    private static func jumpIfEqual(_ register: UInt8, _ value: Int32) -> Instruction {
        Instruction(opcode: DeviceProgram.jumpEqualImmediate, destination: register, immediate: value)
    }

    /// Compared as the chain of blocks compares them; device numbers fit 32 bits (12-bit majors, 20-bit minors).
    private static func immediate(_ value: Int64) -> Int32 { Int32(truncatingIfNeeded: value) }

    /// Distinct and ascending, so the same rules always give the same program.
    private static func immediates(_ values: [Int64]) -> [Int32] { Set(values.map(immediate)).sorted() }
}
