import Testing
@testable import Cgroups

@Test func cpuSharesToWeightMatchesRunc() {
    #expect(V2CPU.weight(fromShares: 0) == 0)
    #expect(V2CPU.weight(fromShares: 2) == 1)
    #expect(V2CPU.weight(fromShares: 1024) == 39)
    #expect(V2CPU.weight(fromShares: 262_144) == 10_000)
    // Clamped like the v1 kernel would.
    #expect(V2CPU.weight(fromShares: 1) == 1)
    #expect(V2CPU.weight(fromShares: 1_000_000) == 10_000)
}

@Test func blkioWeightToIOWeightMatchesRunc() {
    #expect(V2IO.ioWeight(fromBlkioWeight: 10) == 1)
    #expect(V2IO.ioWeight(fromBlkioWeight: 500) == 4950)
    #expect(V2IO.ioWeight(fromBlkioWeight: 1000) == 10_000)
}

@Test func swapConversionMatchesRunc() throws {
    #expect(try V2Memory.swapValue(memorySwap: 0, memory: -1) == -1)
    #expect(try V2Memory.swapValue(memorySwap: -1, memory: 100) == -1)
    #expect(try V2Memory.swapValue(memorySwap: 0, memory: 100) == 0)
    #expect(try V2Memory.swapValue(memorySwap: 300, memory: 100) == 200)
    #expect(throws: CgroupError.self) { try V2Memory.swapValue(memorySwap: 50, memory: 100) }
    #expect(throws: CgroupError.self) { try V2Memory.swapValue(memorySwap: 50, memory: 0) }
}

@Test func errorsRenderKeyOpFileAndErrno() {
    let error = CgroupError(key: "linux.resources.memory.limit", op: "write", file: "/x/memory.limit_in_bytes", errno: .EBUSY)
    #expect(error.description == "linux.resources.memory.limit: write /x/memory.limit_in_bytes: device or resource busy")
    let unsupported = CgroupError.unsupported("linux.resources.network.classID", "cgroup controller net_cls is not mounted on this host")
    #expect(unsupported.description == "linux.resources.network.classID: cgroup controller net_cls is not mounted on this host")
}

@Test func hugePageSizesAreCheckedBeforeAnyWrite() throws {
    #expect(HugePageSize.kilobytes("2MB") == 2048)
    #expect(HugePageSize.kilobytes("1GB") == 1_048_576)
    #expect(HugePageSize.kilobytes("64KB") == 64)
    #expect(HugePageSize.kilobytes("2M") == nil)
    #expect(HugePageSize.kilobytes("MB") == nil)
    let tree = FakeCgroupTree()
    tree.directory("hugepages/hugepages-2048kB")
    try HugePageSize.validate(["2MB"], sysfsDirectory: tree.root + "/hugepages")
    do {
        try HugePageSize.validate(["2MB", "1GB"], sysfsDirectory: tree.root + "/hugepages")
        Issue.record("1GB accepted without hugepages-1048576kB")
    } catch {
        #expect(error.key == "linux.resources.hugepageLimits[1].pageSize")
    }
}
