import Testing
import OCISpec
@testable import Cgroups

@Test func allowEverythingNeedsNoProgram() throws {
    #expect(DeviceProgram.build([]) == nil)
    #expect(DeviceProgram.build([DeviceRule(allow: true, kind: .all)]) == nil)
}

@Test func denyingEverythingNeedsNoTests() throws {
    #expect(DeviceProgram.build([DeviceRule(allow: false, kind: .all)]) == DeviceProgram.returning(false))
    // An exception that agrees with the default and nothing overrides decides nothing.
    #expect(DeviceProgram.build([DeviceRule(allow: false, kind: .all), DeviceRule(allow: false, kind: .char, major: 1)])
        == DeviceProgram.returning(false))
}

@Test func denyAllThenAllowNullIsOneBranchOfATree() throws {
    let rules = [DeviceRule(allow: false, kind: .all), DeviceRule(allow: true, kind: .char, major: 1, minor: 3)]
    let program = try #require(DeviceProgram.build(rules))
    // prologue (6) + type, major, minor tests (3) + deny exit (2) + allow exit (2)
    #expect(program.count == 13)
    #expect(program[6].opcode == 0x55 && program[6].destination == 2 && program[6].immediate == 2 && program[6].offset == 2)
    #expect(program[7].opcode == 0x55 && program[7].destination == 4 && program[7].immediate == 1 && program[7].offset == 1)
    #expect(program[8].opcode == 0x15 && program[8].destination == 5 && program[8].immediate == 3 && program[8].offset == 2)
    #expect(program[9].opcode == 0xb7 && program[9].immediate == 0)
    #expect(program[11].opcode == 0xb7 && program[11].immediate == 1)
    #expect(program[12].opcode == 0x95)
}

@Test func exceptionsBeforeTheFirstThatDisagreesAreDropped() throws {
    let allowZero = DeviceRule(allow: true, kind: .char, major: 1, minor: 5)
    #expect(DeviceProgram.build([DeviceRule(allow: false, kind: .all), DeviceRule(allow: false, kind: .char, major: 1, minor: 3),
                                 allowZero])
        == DeviceProgram.build([DeviceRule(allow: false, kind: .all), allowZero]))
}

@Test func theDefaultRulesAreATreeWithForwardJumpsOnly() throws {
    let rules = [DeviceRule(allow: false, kind: .all)] + (try DeviceRule.parse(DeviceRule.runcDefaultAllowed))
    let program = try #require(DeviceProgram.build(rules))
    // The chain of blocks was 64 instructions; every jump goes forwards, and one exit per verdict.
    #expect(program.count <= 36)
    #expect(program.allSatisfy { $0.offset >= 0 })
    #expect(program.filter { $0.opcode == 0x95 }.count == 2)
}

@Test func mixedVerdictsAreAChainAndTheLastRuleComesFirst() throws {
    let rules = [DeviceRule(allow: true, kind: .all), DeviceRule(allow: false, kind: .char, access: "r"),
                 DeviceRule(allow: true, kind: .char, major: 1, minor: 5, access: "r"),
                 DeviceRule(allow: false, kind: .block, access: "m")]
    let program = try #require(DeviceProgram.build(rules))
    // The last rule (block mknod) is tested first.
    #expect(program[6].immediate == 1)
    #expect(program[7].opcode == 0xbc && program[8].immediate == 1 && program[9].opcode == 0x5d)
    #expect(program[10].opcode == 0xb7 && program[10].immediate == 0)
    #expect(program.last?.opcode == 0x95)
    #expect(program[program.count - 2].immediate == 1)
}

@Test func instructionEncoding() {
    let instruction = DeviceProgram.Instruction(opcode: 0x61, destination: 2, source: 1, offset: 4, immediate: -1)
    #expect(instruction.bytes == [0x61, 0x12, 4, 0, 0xff, 0xff, 0xff, 0xff])
}

@Test func deviceRulesAreValidatedWithTheirIndex() throws {
    let rule = try DeviceRule(LinuxDeviceCgroup(allow: true, type: .unbufferedChar, major: 4, access: "wr"), index: 0)
    #expect(rule.v1Line == "c 4:* rw")
    do {
        _ = try DeviceRule.parse([LinuxDeviceCgroup(allow: true), LinuxDeviceCgroup(allow: true, access: "rx")])
        Issue.record("bad access accepted")
    } catch {
        #expect(error.key == "linux.resources.devices[1].access")
    }
}
