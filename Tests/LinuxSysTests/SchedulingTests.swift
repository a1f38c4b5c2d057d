import Testing
@testable import LinuxSys

@Test func parsesCPULists() {
    #expect(CPUSet(list: "0-3,7")?.cpus == [0, 1, 2, 3, 7])
    #expect(CPUSet(list: "5")?.cpus == [5])
    #expect(CPUSet(list: " 1 , 4-5 ")?.cpus == [1, 4, 5])
    #expect(CPUSet(list: "3,1,3")?.cpus == [1, 3])
}

@Test func rejectsMalformedCPULists() {
    #expect(CPUSet(list: "") == nil)
    #expect(CPUSet(list: "3-1") == nil)
    #expect(CPUSet(list: "a") == nil)
    #expect(CPUSet(list: "1,,2") == nil)
    #expect(CPUSet(list: "1-2-3") == nil)
    #expect(CPUSet(list: "-1") == nil)
}

@Test func cpuMaskSetsTheRightBits() throws {
    let set = try #require(CPUSet(list: "0-3,9,64"))
    let mask = set.mask
    #expect(mask.count == 16)
    #expect(mask[0] == 0x0f)
    #expect(mask[1] == 0x02)
    #expect(mask[8] == 0x01)
}

@Test func currentAffinityIsNonEmpty() throws {
    #expect(!(try CPUSet.affinity()).cpus.isEmpty)
    #expect(try CPUSet.affinityCount() == (try CPUSet.affinity()).cpus.count)
}

@Test func schedulerNames() {
    #expect(SchedulerAttributes.policy(named: "SCHED_FIFO") == 1)
    #expect(SchedulerAttributes.policy(named: "SCHED_NOPE") == nil)
    #expect(SchedulerAttributes.flag(named: "SCHED_FLAG_RESET_ON_FORK") == 1)
    #expect(IOPriority.ioClass(named: "IOPRIO_CLASS_IDLE") == 3)
}

@Test func resourceLimitNamesAndRead() throws {
    #expect(ResourceLimitKind(name: "RLIMIT_NOFILE") == .openFiles)
    #expect(ResourceLimitKind(name: "RLIMIT_BOGUS") == nil)
    let limit = try ResourceLimit.get(.openFiles)
    #expect(limit.soft <= limit.hard)
    #expect(limit.soft > 0)
}

@Test func capabilitiesAreReadable() throws {
    let last = try Capabilities.lastCapability()
    #expect(last >= 30)
    let sets = try CapabilitySets.read()
    #expect(sets.effective & ~sets.permitted == 0)
    #expect(CapabilitySets.mask([0, 2, 63]) == 0x8000_0000_0000_0005)
}
