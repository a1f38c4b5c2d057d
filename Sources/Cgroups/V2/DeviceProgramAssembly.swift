/// Device program instructions with jumps to labels, resolved to offsets once the program is complete.
///
/// Before resolving it tidies what a tree builder naturally leaves behind, because the verifier rejects a program
/// with an unreachable instruction and every extra jump is one more instruction it walks: a jump to a `ja` goes
/// straight to that `ja`'s target, code after an exit or `ja` that nothing jumps to is dropped, and a `ja` to the
/// very next instruction is dropped.
struct DeviceProgramAssembly {
    typealias Instruction = DeviceProgram.Instruction

    struct Label: Hashable {
        fileprivate let id: Int
    }

    private enum Step {
        case instruction(Instruction)
        case jump(Instruction, to: Label)
        case label(Label)
    }

    private var steps: [Step] = []
    private var labelCount = 0

    mutating func newLabel() -> Label {
        labelCount += 1
        return Label(id: labelCount)
    }

    /// The label names the next instruction emitted.
    mutating func place(_ label: Label) { steps.append(.label(label)) }

    mutating func emit(_ instructions: [Instruction]) { steps += instructions.map { .instruction($0) } }

    /// A conditional or unconditional jump (its offset is filled in later).
    mutating func jump(_ instruction: Instruction, to label: Label) { steps.append(.jump(instruction, to: label)) }

    /// The instructions, or nil when a jump goes backwards, to a label never placed, or further than an Int16 offset.
    func instructions() -> [Instruction]? {
        let tidied = withoutJumpsToNext(reachable(threaded(steps)))
        var position: [Label: Int] = [:]
        var count = 0
        for step in tidied {
            if case .label(let label) = step { position[label] = count } else { count += 1 }
        }
        var program: [Instruction] = []
        for step in tidied {
            switch step {
            case .label: continue
            case .instruction(let instruction): program.append(instruction)
            case .jump(var instruction, let label):
                guard let target = position[label], target > program.count,
                      let offset = Int16(exactly: target - program.count - 1) else { return nil }
                instruction.offset = offset
                program.append(instruction)
            }
        }
        return program
    }

    private static func isAlways(_ instruction: Instruction) -> Bool { instruction.opcode == DeviceProgram.jumpAlways }

    /// Jumps to a label followed by `ja L` go to L instead.
    private func threaded(_ steps: [Step]) -> [Step] {
        var firstAfter: [Label: Int] = [:]
        var pending: [Label] = []
        for (index, step) in steps.enumerated() {
            if case .label(let label) = step { pending.append(label); continue }
            for label in pending { firstAfter[label] = index }
            pending = []
        }
        func destination(_ label: Label) -> Label {
            var label = label
            // Bounded, in case a (wrong) backward jump makes a cycle; resolving rejects it later.
            for _ in steps.indices {
                guard let index = firstAfter[label], case .jump(let next, let target) = steps[index], Self.isAlways(next)
                else { break }
                label = target
            }
            return label
        }
        return steps.map { step in
            if case .jump(let instruction, let label) = step { return .jump(instruction, to: destination(label)) }
            return step
        }
    }

    /// Drops what no path reaches; all jumps go forwards, so one pass sees every jump into a label before it.
    private func reachable(_ steps: [Step]) -> [Step] {
        var kept: [Step] = []
        var live = true
        var targets: Set<Label> = []
        for step in steps {
            switch step {
            case .label(let label):
                live = live || targets.contains(label)
                if live { kept.append(step) }
            case .instruction(let instruction):
                guard live else { continue }
                kept.append(step)
                if instruction.opcode == DeviceProgram.exit { live = false }
            case .jump(let instruction, let label):
                guard live else { continue }
                kept.append(step)
                targets.insert(label)
                if Self.isAlways(instruction) { live = false }
            }
        }
        return kept
    }

    /// Drops `ja L` when L comes next anyway.
    private func withoutJumpsToNext(_ steps: [Step]) -> [Step] {
        steps.indices.compactMap { index in
            guard case .jump(let instruction, let target) = steps[index], Self.isAlways(instruction) else { return steps[index] }
            for next in steps[(index + 1)...] {
                guard case .label(let label) = next else { break }
                if label == target { return nil }
            }
            return steps[index]
        }
    }
}
