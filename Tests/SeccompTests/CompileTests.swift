import OCISpec
import Testing
@testable import Seccomp

/// Building filters from linux.seccomp: every action, operator, architecture and flag, and the refusals.
@Suite struct CompileTests {
    @Test(arguments: LinuxSeccompAction.allCases.filter { $0 != .notify })
    func everyActionCompilesAsARule(action: LinuxSeccompAction) throws {
        let config = LinuxSeccomp(
            defaultAction: .allow, syscalls: [LinuxSyscall(names: ["mkdir"], action: action)])
        let program = try SeccompProgram.compile(config)
        #expect(program.instructionCount > 0)
        #expect(program.bytecode.count == program.instructionCount * 8)
        #expect(!program.usesNotify)
    }

    @Test(arguments: LinuxSeccompAction.allCases.filter { $0 != .notify })
    func everyActionCompilesAsTheDefault(action: LinuxSeccompAction) throws {
        let config = LinuxSeccomp(defaultAction: action, syscalls: [LinuxSyscall(names: ["getpid"], action: .log)])
        #expect(try SeccompProgram.compile(config).instructionCount > 0)
    }

    @Test func notifyNeedsAListenerAndAsksForOne() throws {
        let config = LinuxSeccomp(
            defaultAction: .allow, listenerPath: "/run/agent.sock",
            syscalls: [LinuxSyscall(names: ["mkdir"], action: .notify)])
        let program = try SeccompProgram.compile(config)
        #expect(program.usesNotify)
        #expect(program.filterFlags.contains(.newListener))
    }

    @Test(arguments: LinuxSeccompOperator.allCases)
    func everyOperatorCompiles(op: LinuxSeccompOperator) throws {
        let arg = LinuxSeccompArg(index: 1, value: 9, valueTwo: op == .maskedEqual ? 1 : nil, op: op)
        let config = LinuxSeccomp(
            defaultAction: .allow, syscalls: [LinuxSyscall(names: ["kill"], action: .errno, args: [arg])])
        let withCondition = try SeccompProgram.compile(config)
        let without = try SeccompProgram.compile(
            LinuxSeccomp(defaultAction: .allow, syscalls: [LinuxSyscall(names: ["kill"], action: .errno)]))
        // A condition is extra BPF: loading the argument and comparing it.
        #expect(withCondition.instructionCount > without.instructionCount)
    }

    @Test func maskedEqualUsesValueAsMaskAndValueTwoAsResult() throws {
        let arg = LinuxSeccompArg(index: 0, value: 0x7E02_0000, valueTwo: 0, op: .maskedEqual)
        let condition = try encodedCondition(arg, path: "p")
        #expect(condition.datum_a == 0x7E02_0000)
        #expect(condition.datum_b == 0)
        let plain = try encodedCondition(LinuxSeccompArg(index: 0, value: 5, valueTwo: 7, op: .equalTo), path: "p")
        #expect(plain.datum_a == 5 && plain.datum_b == 0)
    }

    @Test func conditionsOnOneArgumentBecomeSeparateRules() throws {
        let distinct = [
            try encodedCondition(LinuxSeccompArg(index: 0, value: 1, op: .equalTo), path: "p"),
            try encodedCondition(LinuxSeccompArg(index: 1, value: 2, op: .equalTo), path: "p"),
        ]
        #expect(FilterCompiler.conditionGroups(distinct).count == 1)
        let repeated = [
            try encodedCondition(LinuxSeccompArg(index: 0, value: 1, op: .equalTo), path: "p"),
            try encodedCondition(LinuxSeccompArg(index: 0, value: 2, op: .equalTo), path: "p"),
        ]
        #expect(FilterCompiler.conditionGroups(repeated).count == 2)
        #expect(FilterCompiler.conditionGroups([]).map(\.count) == [0])
    }

    @Test func littleEndianArchitecturesCompileTogether() throws {
        let recognised = SeccompFeatures.recognisedArchitectures
        #expect(recognised.contains(.x86_64) && recognised.contains(.x86) && recognised.contains(.aarch64))
        let archs: [Arch] = [.x86_64, .x86, .x32, .aarch64, .arm, .riscv64, .ppc64le]
        let config = LinuxSeccomp(
            defaultAction: .allow, architectures: archs, syscalls: [LinuxSyscall(names: ["mkdir"], action: .errno)])
        let multi = try SeccompProgram.compile(config)
        let native = try SeccompProgram.compile(LinuxSeccomp(
            defaultAction: .allow, syscalls: [LinuxSyscall(names: ["mkdir"], action: .errno)]))
        #expect(multi.instructionCount > native.instructionCount)
    }

    @Test func architectureOfTheOtherEndiannessNamesItsPath() throws {
        // One BPF program loads the arguments one way: libseccomp will not mix big- and little-endian ABIs.
        let config = LinuxSeccomp(defaultAction: .allow, architectures: [.x86_64, .x86, .s390x])
        let error = #expect(throws: SeccompError.self) { try SeccompProgram.compile(config) }
        #expect(error?.configPath == "linux.seccomp.architectures[2]")
        #expect(error?.detail.contains("SCMP_ARCH_S390X") == true)
    }

    @Test func architectureUnknownToLibseccompNamesItsPath() throws {
        let unknown = Arch.allCases.filter { $0.libseccompToken == nil }
        // Debian's libseccomp 2.5.4 lacks these; a newer libseccomp may know them all.
        guard let arch = unknown.first else { return }
        let config = LinuxSeccomp(defaultAction: .allow, architectures: [.x86_64, arch])
        let error = #expect(throws: SeccompError.self) { try SeccompProgram.compile(config) }
        #expect(error?.configPath == "linux.seccomp.architectures[1]")
        #expect(error?.detail.contains(arch.rawValue) == true)
    }

    @Test func flagsTheKernelSupportsAreApplied() throws {
        var config = LinuxSeccomp(defaultAction: .allow, flags: [.log, .specAllow, .tsync, .waitKillableRecv])
        let plain = try SeccompProgram.compile(config)
        #expect(plain.filterFlags == [.log, .specAllow, .tsync])  // WAIT_KILLABLE_RECV needs a listener
        config.listenerPath = "/run/agent.sock"
        config.syscalls = [LinuxSyscall(names: ["mkdir"], action: .notify)]
        let notifying = try SeccompProgram.compile(config)
        #expect(notifying.filterFlags == [.log, .specAllow, .tsync, .tsyncESRCH, .newListener, .waitKillableRecv])
        #expect(FilterFlags.kernelAccepts(notifying.filterFlags))
    }

    @Test func unknownSyscallIsSkippedAndReported() throws {
        let config = LinuxSeccomp(
            defaultAction: .allow,
            syscalls: [LinuxSyscall(names: ["mkdir", "no_such_syscall_swiftlet", "rmdir"], action: .errno)])
        let program = try SeccompProgram.compile(config)
        #expect(program.skippedSyscalls == ["no_such_syscall_swiftlet"])
    }

    @Test func errnoRetDefaultsToEPERM() throws {
        #expect(LinuxSeccompAction.errno.libseccompValue(errnoRet: nil) == 0x0005_0001)
        #expect(LinuxSeccompAction.errno.libseccompValue(errnoRet: 38) == 0x0005_0026)
        #expect(LinuxSeccompAction.trace.libseccompValue(errnoRet: nil) == 0x7FF0_0001)
        let implicit = try SeccompProgram.compile(LinuxSeccomp(
            defaultAction: .allow, syscalls: [LinuxSyscall(names: ["mkdir"], action: .errno)]))
        let explicit = try SeccompProgram.compile(LinuxSeccomp(
            defaultAction: .allow, syscalls: [LinuxSyscall(names: ["mkdir"], action: .errno, errnoRet: 1)]))
        #expect(implicit.bytecode == explicit.bytecode)
    }

    @Test func ruleWithTheDefaultActionIsDropped() throws {
        let config = LinuxSeccomp(defaultAction: .allow, syscalls: [LinuxSyscall(names: ["mkdir"], action: .allow)])
        let empty = try SeccompProgram.compile(LinuxSeccomp(defaultAction: .allow))
        #expect(try SeccompProgram.compile(config).bytecode == empty.bytecode)
    }

    @Test func compilingIsDeterministic() throws {
        let config = LinuxSeccomp(
            defaultAction: .errno, defaultErrnoRet: 38, architectures: [.x86_64, .x86],
            syscalls: [LinuxSyscall(names: ["read", "write", "exit_group"], action: .allow)])
        #expect(try SeccompProgram.compile(config) == SeccompProgram.compile(config))
    }
}

/// Refusals at create, each naming the JSON path.
@Suite struct CompileErrorTests {
    private func compileError(_ config: LinuxSeccomp) -> SeccompError? {
        #expect(throws: SeccompError.self) { try SeccompProgram.compile(config) }
    }

    @Test func errnoRetOnAnActionWithoutOne() {
        let error = compileError(LinuxSeccomp(
            defaultAction: .allow,
            syscalls: [LinuxSyscall(names: ["getpid"], action: .log), LinuxSyscall(names: ["mkdir"], action: .kill, errnoRet: 1)]))
        #expect(error?.configPath == "linux.seccomp.syscalls[1].errnoRet")
        #expect(error?.description.contains("SCMP_ACT_KILL") == true)
    }

    @Test func defaultErrnoRetOnAllow() {
        let error = compileError(LinuxSeccomp(defaultAction: .allow, defaultErrnoRet: 1))
        #expect(error?.configPath == "linux.seccomp.defaultErrnoRet")
    }

    @Test func errnoRetTooLarge() {
        let error = compileError(LinuxSeccomp(
            defaultAction: .allow, syscalls: [LinuxSyscall(names: ["mkdir"], action: .errno, errnoRet: 70000)]))
        #expect(error?.configPath == "linux.seccomp.syscalls[0].errnoRet")
    }

    @Test func argumentIndexOutOfRange() {
        let error = compileError(LinuxSeccomp(
            defaultAction: .allow,
            syscalls: [LinuxSyscall(
                names: ["kill"], action: .errno,
                args: [LinuxSeccompArg(index: 0, value: 1, op: .equalTo), LinuxSeccompArg(index: 6, value: 1, op: .equalTo)])]))
        #expect(error?.configPath == "linux.seccomp.syscalls[0].args[1].index")
    }

    @Test func emptyNames() {
        let error = compileError(LinuxSeccomp(defaultAction: .allow, syscalls: [LinuxSyscall(names: [], action: .errno)]))
        #expect(error?.configPath == "linux.seccomp.syscalls[0].names")
    }

    @Test func notifyAsTheDefaultAction() {
        let error = compileError(LinuxSeccomp(defaultAction: .notify, listenerPath: "/run/agent.sock"))
        #expect(error?.configPath == "linux.seccomp.defaultAction")
    }

    @Test func notifyOnWrite() {
        let error = compileError(LinuxSeccomp(
            defaultAction: .allow, listenerPath: "/run/agent.sock",
            syscalls: [LinuxSyscall(names: ["mkdir", "write"], action: .notify)]))
        #expect(error?.configPath == "linux.seccomp.syscalls[0].names[1]")
    }

    @Test func notifyWithoutListenerPath() {
        let error = compileError(LinuxSeccomp(
            defaultAction: .allow, syscalls: [LinuxSyscall(names: ["mkdir"], action: .notify)]))
        #expect(error?.configPath == "linux.seccomp.listenerPath")
    }

    @Test func metadataWithoutListenerPath() {
        let error = compileError(LinuxSeccomp(defaultAction: .allow, listenerMetadata: "x"))
        #expect(error?.configPath == "linux.seccomp.listenerMetadata")
    }

    @Test func unknownActionIsRejectedWhileDecodingWithItsName() throws {
        let json = #"""
            {"ociVersion": "1.3.0", "root": {"path": "rootfs"}, "process": {"cwd": "/", "args": ["sh"]},
             "linux": {"seccomp": {"defaultAction": "SCMP_ACT_ALLOW",
                                   "syscalls": [{"names": ["mkdir"], "action": "SCMP_ACT_BOGUS"}]}}}
            """#
        let error = #expect(throws: (any Error).self) { try SpecLoader.load(bytes: Array(json.utf8)) }
        let text = String(describing: error.map { $0 })
        #expect(text.contains("SCMP_ACT_BOGUS"))
        #expect(text.contains("linux.seccomp.syscalls[0].action"))
    }
}
