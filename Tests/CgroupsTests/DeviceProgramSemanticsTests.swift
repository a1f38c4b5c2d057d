import Testing
import OCISpec
@testable import Cgroups

// Compiled device programs, run by DeviceProgramInterpreter, against DeviceRuleReference over a grid of requests.

private func defaultRules() throws -> [DeviceRule] {
    [DeviceRule(allow: false, kind: .all)] + (try DeviceRule.parse(DeviceRule.runcDefaultAllowed))
}

/// Each kind of rule list the structural tests use, and the one every container gets.
private let namedRuleSets: [[DeviceRule]] = [
    [],
    [DeviceRule(allow: true, kind: .all)],
    [DeviceRule(allow: false, kind: .all)],
    [DeviceRule(allow: false, kind: .all), DeviceRule(allow: true, kind: .char, major: 1, minor: 3)],
    [DeviceRule(allow: true, kind: .all), DeviceRule(allow: false, kind: .char, major: 1, minor: 5, access: "r"),
     DeviceRule(allow: false, kind: .block, access: "m")],
    [DeviceRule(allow: true, kind: .all), DeviceRule(allow: false, kind: .char, access: "r"),
     DeviceRule(allow: true, kind: .char, major: 1, minor: 5, access: "r"), DeviceRule(allow: false, kind: .block, access: "m")],
    [DeviceRule(allow: false, kind: .all), DeviceRule(allow: false, kind: .char, major: 1, minor: 3),
     DeviceRule(allow: true, kind: .char, major: 1, minor: 5)],
]

@Test func theDefaultRulesCompileToWhatTheyMean() throws {
    let rules = try defaultRules()
    let program = try #require(DeviceProgram.build(rules))
    #expect(DeviceRuleReference.disagreements(program, rules) == [])
    #expect(DeviceProgramInterpreter.unreachable(program) == [])
    // Spot checks a reader can follow: /dev/null read, a pty, mknod of any block device, but not reading it.
    let null = DeviceProgramInterpreter.Request(type: 2, major: 1, minor: 3, access: 2)
    #expect(try DeviceProgramInterpreter.allows(program, null))
    #expect(try DeviceProgramInterpreter.allows(program, .init(type: 2, major: 136, minor: 7, access: 6)))
    #expect(try DeviceProgramInterpreter.allows(program, .init(type: 1, major: 8, minor: 0, access: 1)))
    #expect(try !DeviceProgramInterpreter.allows(program, .init(type: 1, major: 8, minor: 0, access: 2)))
}

@Test(arguments: namedRuleSets.indices)
func namedRuleSetsCompileToWhatTheyMean(index: Int) throws {
    let rules = namedRuleSets[index]
    let program = DeviceProgram.build(rules)
    #expect(DeviceRuleReference.disagreements(program, rules) == [])
    #expect(DeviceProgramInterpreter.unreachable(program ?? []) == [])
}

@Test func randomRuleSetsCompileToWhatTheyMean() {
    for seed in UInt64(1)...400 {
        var random = RandomDeviceRules(seed: seed)
        let rules = seed % 2 == 0 ? random.mixedRules() : random.sameVerdictRules()
        let program = DeviceProgram.build(rules)
        let wrong = DeviceRuleReference.disagreements(program, rules)
        #expect(wrong.isEmpty, "seed \(seed), rules \(rules.map(\.v1Line)): \(wrong.prefix(3))")
        #expect(DeviceProgramInterpreter.unreachable(program ?? []) == [], "seed \(seed)")
        if !wrong.isEmpty { return }
    }
}

/// The tree alone, with "a" exceptions too (build() never passes those: an "a" rule resets the list instead).
@Test func decisionTreesMatchAnyRuleThatMatches() throws {
    for seed in UInt64(1001)...1200 {
        var random = RandomDeviceRules(seed: seed)
        let verdict = seed % 3 != 0
        let rules = (0..<(1 + Int(seed % 9))).map { _ in random.rule(allow: verdict, anyKind: true) }
        let program = try #require(DeviceDecisionTree.build(matching: rules, verdict: verdict))
        let wrong = DeviceRuleReference.disagreements(program, rules) { request in
            rules.contains { DeviceRuleReference.matches($0, request) } ? verdict : !verdict
        }
        #expect(wrong.isEmpty, "seed \(seed), rules \(rules.map(\.v1Line)): \(wrong.prefix(3))")
        #expect(DeviceProgramInterpreter.unreachable(program) == [], "seed \(seed)")
        if !wrong.isEmpty { return }
    }
}

/// The check above is real: one jump sent one instruction further makes the interpreter disagree.
@Test func aWrongJumpInTheDefaultProgramIsCaught() throws {
    let rules = try defaultRules()
    let program = try #require(DeviceProgram.build(rules))
    let firstJump = try #require(program.firstIndex { $0.opcode == 0x15 })
    var broken = program
    broken[firstJump].offset += 1
    #expect(!DeviceRuleReference.disagreements(broken, rules).isEmpty)
}
