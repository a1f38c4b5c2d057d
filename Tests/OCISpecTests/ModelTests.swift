import Testing
@testable import OCISpec

@Test func capabilityKernelValues() {
    #expect(Capability.chown.kernelValue == 0)
    #expect(Capability.sysAdmin.kernelValue == 21)
    #expect(Capability.checkpointRestore.kernelValue == 40)
    #expect(Capability.allCases.count == 41)
}

@Test func rlimitKernelValues() {
    #expect(RlimitType.cpu.kernelValue == 0)
    #expect(RlimitType.nofile.kernelValue == 7)
    #expect(RlimitType.as.kernelValue == 9)
    #expect(RlimitType.rttime.kernelValue == 15)
}

@Test func memoryPolicyKernelValues() {
    #expect(LinuxMemoryPolicyMode.default.kernelValue == 0)
    #expect(LinuxMemoryPolicyMode.local.kernelValue == 4)
    #expect(LinuxMemoryPolicyMode.weightedInterleave.kernelValue == 6)
}
