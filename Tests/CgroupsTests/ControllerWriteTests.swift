import Testing
import OCISpec
@testable import Cgroups

/// A fake hybrid host: v1 memory/cpu/cpuset/pids/blkio/devices/freezer under <root>/<controller>/c1,
/// and a cgroup2 tree at <root>/unified offering hugetlb, with c1 below it.
private func hybridTree() -> (FakeCgroupTree, CgroupSet) {
    let tree = FakeCgroupTree()
    var paths: [String: String] = [:]
    let v1Files: [String: [String]] = [
        "memory": ["memory.limit_in_bytes", "memory.memsw.limit_in_bytes", "memory.soft_limit_in_bytes",
                   "memory.swappiness", "memory.oom_control", "memory.use_hierarchy", "memory.kmem.tcp.limit_in_bytes",
                   "memory.usage_in_bytes", "cgroup.procs"],
        "cpu": ["cpu.shares", "cpu.cfs_quota_us", "cpu.cfs_period_us", "cpu.cfs_burst_us", "cpu.rt_runtime_us",
                "cpu.rt_period_us", "cpu.idle", "cgroup.procs"],
        "cpuset": ["cpuset.cpus", "cpuset.mems", "cgroup.procs"],
        "pids": ["pids.max", "cgroup.procs"],
        "blkio": ["blkio.throttle.read_bps_device", "blkio.throttle.write_iops_device", "cgroup.procs"],
        "devices": ["devices.allow", "devices.deny", "cgroup.procs"],
        "freezer": ["freezer.state", "cgroup.procs"],
    ]
    for (controller, files) in v1Files {
        var contents = Dictionary(uniqueKeysWithValues: files.map { ($0, "") })
        if controller == "memory" {
            contents["memory.limit_in_bytes"] = "-1"
            contents["memory.use_hierarchy"] = "1"
            contents["memory.usage_in_bytes"] = "1048576"
        }
        paths[controller] = tree.directory("\(controller)/c1", files: contents)
    }
    tree.directory("unified", files: ["cgroup.controllers": "cpu io memory pids hugetlb", "cgroup.subtree_control": ""])
    paths["unified"] = tree.directory(
        "unified/c1", files: ["cgroup.type": "domain", "cgroup.controllers": "", "hugetlb.2MB.max": "max", "cgroup.procs": ""])
    return (tree, CgroupSet(restoringPaths: paths))
}

@Test func memoryValuesGoToV1Files() throws {
    let (tree, set) = hybridTree()
    let memory = LinuxMemory(limit: 64 << 20, reservation: 32 << 20, swap: 128 << 20, kernel: 1 << 20, kernelTCP: 2 << 20,
                             swappiness: 10, disableOOMKiller: true, useHierarchy: true)
    try set.apply(LinuxResources(memory: memory))
    let dir = tree.root + "/memory/c1/"
    #expect(tree.read(dir + "memory.limit_in_bytes") == "67108864")
    #expect(tree.read(dir + "memory.memsw.limit_in_bytes") == "134217728")
    #expect(tree.read(dir + "memory.soft_limit_in_bytes") == "33554432")
    #expect(tree.read(dir + "memory.kmem.tcp.limit_in_bytes") == "2097152")
    #expect(tree.read(dir + "memory.swappiness") == "10")
    #expect(tree.read(dir + "memory.oom_control") == "1")
}

@Test func swappinessAboveHundredNamesItsKey() {
    let (tree, set) = hybridTree()
    defer { withExtendedLifetime(tree) {} }
    do {
        try set.apply(LinuxResources(memory: LinuxMemory(swappiness: 101)))
        Issue.record("accepted swappiness 101")
    } catch {
        #expect(error.key == "linux.resources.memory.swappiness")
    }
}

@Test func checkBeforeUpdateRejectsALimitBelowUsage() throws {
    let (tree, set) = hybridTree()
    let memory = LinuxMemory(limit: 4096, checkBeforeUpdate: true)
    #expect(throws: CgroupError.self) { try set.update(LinuxResources(memory: memory)) }
    // Creation does not check (nothing runs yet).
    try set.apply(LinuxResources(memory: memory))
    #expect(tree.read(tree.root + "/memory/c1/memory.limit_in_bytes") == "4096")
}

@Test func cpuValuesGoToV1Files() throws {
    let (tree, set) = hybridTree()
    tree.write(tree.root + "/cpu/c1/cpu.shares", "512")
    let cpu = LinuxCPU(shares: 512, quota: 50_000, burst: 1000, period: 100_000, realtimeRuntime: 1000,
                       realtimePeriod: 1_000_000, cpus: "0-1", mems: "0", idle: 0)
    try set.apply(LinuxResources(cpu: cpu))
    let dir = tree.root + "/cpu/c1/"
    #expect(tree.read(dir + "cpu.cfs_quota_us") == "50000")
    #expect(tree.read(dir + "cpu.cfs_period_us") == "100000")
    #expect(tree.read(dir + "cpu.cfs_burst_us") == "1000")
    #expect(tree.read(dir + "cpu.rt_runtime_us") == "1000")
    #expect(tree.read(dir + "cpu.rt_period_us") == "1000000")
    #expect(tree.read(dir + "cpu.idle") == "0")
    #expect(tree.read(tree.root + "/cpuset/c1/cpuset.cpus") == "0-1")
    #expect(tree.read(tree.root + "/cpuset/c1/cpuset.mems") == "0")
}

@Test func pidsBlockIODevicesAndFreezer() throws {
    let (tree, set) = hybridTree()
    let blockIO = LinuxBlockIO(throttleReadBpsDevice: [LinuxThrottleDevice(major: 8, minor: 0, rate: 1_048_576)],
                               throttleWriteIOPSDevice: [LinuxThrottleDevice(major: 8, minor: 0, rate: 100)])
    try set.apply(LinuxResources(devices: [LinuxDeviceCgroup(allow: true, type: .char, major: 1, minor: 3, access: "rw")],
                                 pids: LinuxPids(limit: 10), blockIO: blockIO))
    #expect(tree.read(tree.root + "/pids/c1/pids.max") == "10")
    #expect(tree.read(tree.root + "/blkio/c1/blkio.throttle.read_bps_device") == "8:0 1048576")
    #expect(tree.read(tree.root + "/blkio/c1/blkio.throttle.write_iops_device") == "8:0 100")
    #expect(tree.read(tree.root + "/devices/c1/devices.allow") == "c 1:3 rw")
    try set.apply(LinuxResources(pids: LinuxPids(limit: -1)))
    #expect(tree.read(tree.root + "/pids/c1/pids.max") == "max")
    // The fake file does not change state by itself, so only the writes are checked here (host tests check FROZEN).
    try set.thaw()
    #expect(tree.read(tree.root + "/freezer/c1/freezer.state") == "THAWED")
}

@Test func missingBlkioWeightFileIsAnErrorNamingTheKey() {
    let (tree, set) = hybridTree()
    defer { withExtendedLifetime(tree) {} }
    do {
        try set.apply(LinuxResources(blockIO: LinuxBlockIO(weight: 500)))
        Issue.record("weight accepted without blkio.weight")
    } catch {
        #expect(error.key == "linux.resources.blockIO.weight")
        #expect(error.errno == .ENOENT)
    }
}

@Test func hugepageLimitsGoToCgroup2OnAHybridHost() throws {
    let (tree, set) = hybridTree()
    try set.apply(LinuxResources(hugepageLimits: [LinuxHugepageLimit(pageSize: "2MB", limit: 4 << 21)]))
    #expect(tree.read(tree.root + "/unified/cgroup.subtree_control") == "+hugetlb")
    #expect(tree.read(tree.root + "/unified/c1/hugetlb.2MB.max") == "8388608")
    do {
        try set.apply(LinuxResources(hugepageLimits: [LinuxHugepageLimit(pageSize: "1GB", limit: 1)]))
        Issue.record("unsupported page size accepted")
    } catch {
        #expect(error.key == "linux.resources.hugepageLimits[0].pageSize")
    }
}

@Test func unmountedControllersAreErrorsNamingTheKey() {
    let (tree, set) = hybridTree()
    defer { withExtendedLifetime(tree) {} }
    let cases: [(LinuxResources, String)] = [
        (LinuxResources(network: LinuxNetwork(classID: 7)), "linux.resources.network.classID"),
        (LinuxResources(network: LinuxNetwork(priorities: [LinuxInterfacePriority(name: "eth0", priority: 1)])),
         "linux.resources.network.priorities"),
        (LinuxResources(rdma: ["mlx5_0": LinuxRdma(hcaHandles: 3)]), "linux.resources.rdma"),
    ]
    for (resources, key) in cases {
        do {
            try set.apply(resources)
            Issue.record("\(key) accepted")
        } catch {
            #expect(error.key == key)
            #expect(error.description.contains("not mounted"))
        }
    }
}

@Test func unifiedIsRefusedWithoutCgroup2AndWrittenWithIt() throws {
    let tree = FakeCgroupTree()
    let v1Only = CgroupSet(restoringPaths: ["memory": tree.directory("memory/c1")])
    #expect(throws: CgroupError.self) { try v1Only.apply(LinuxResources(unified: ["memory.high": "1000"])) }
    let dir = tree.directory("unified/c1", files: ["memory.high": "max"])
    let v2 = CgroupSet(restoringPaths: ["unified": dir])
    try v2.apply(LinuxResources(unified: ["memory.high": "1000"]))
    #expect(tree.read(dir + "/memory.high") == "1000")
    do {
        try v2.apply(LinuxResources(unified: ["../escape": "1"]))
        Issue.record("path accepted as unified key")
    } catch {
        #expect(error.key == "linux.resources.unified.../escape")
    }
}

/// A fake pure-v2 tree: root offering every controller, c1 below it.
private func v2Tree() -> (FakeCgroupTree, CgroupSet) {
    let tree = FakeCgroupTree()
    tree.directory("cg", files: ["cgroup.controllers": "cpuset cpu io memory hugetlb pids", "cgroup.subtree_control": ""])
    let files = ["cgroup.type", "cgroup.controllers", "memory.max", "memory.swap.max", "memory.low", "memory.current",
                 "cpu.weight", "cpu.max", "cpu.max.burst", "cpu.idle", "cpuset.cpus", "cpuset.mems", "pids.max",
                 "io.weight", "io.max", "cgroup.freeze"]
    var contents = Dictionary(uniqueKeysWithValues: files.map { ($0, "") })
    contents["memory.current"] = "1048576"
    let dir = tree.directory("cg/c1", files: contents)
    return (tree, CgroupSet(restoringPaths: ["unified": dir]))
}

@Test func v2ValuesAreConverted() throws {
    let (tree, set) = v2Tree()
    try set.apply(LinuxResources(
        memory: LinuxMemory(limit: 64 << 20, reservation: 1 << 20, swap: 96 << 20),
        cpu: LinuxCPU(shares: 1024, quota: 50_000, burst: 10, period: 100_000, cpus: "0", mems: "0", idle: 1),
        pids: LinuxPids(limit: 20),
        blockIO: LinuxBlockIO(weight: 500, throttleWriteBpsDevice: [LinuxThrottleDevice(major: 8, minor: 0, rate: 4096)])))
    let dir = tree.root + "/cg/c1/"
    #expect(tree.read(dir + "memory.max") == "67108864")
    #expect(tree.read(dir + "memory.swap.max") == "33554432")
    #expect(tree.read(dir + "memory.low") == "1048576")
    #expect(tree.read(dir + "cpu.weight") == "39")
    #expect(tree.read(dir + "cpu.max") == "50000 100000")
    #expect(tree.read(dir + "cpu.max.burst") == "10")
    #expect(tree.read(dir + "cpu.idle") == "1")
    #expect(tree.read(dir + "cpuset.cpus") == "0")
    #expect(tree.read(dir + "pids.max") == "20")
    #expect(tree.read(dir + "io.weight") == "default 4950")
    #expect(tree.read(dir + "io.max") == "8:0 wbps=4096")
    // Controllers were enabled in the parent when first needed (a plain file keeps only the overlapping writes).
    #expect(tree.read(tree.root + "/cg/cgroup.subtree_control")?.hasPrefix("+") == true)
}

@Test func v2RefusesWhatOnlyV1Has() {
    let (tree, set) = v2Tree()
    defer { withExtendedLifetime(tree) {} }
    let cases: [(LinuxResources, String)] = [
        (LinuxResources(memory: LinuxMemory(swappiness: 10)), "linux.resources.memory.swappiness"),
        (LinuxResources(cpu: LinuxCPU(realtimeRuntime: 100)), "linux.resources.cpu.realtimeRuntime"),
        (LinuxResources(network: LinuxNetwork(classID: 1)), "linux.resources.network.classID"),
    ]
    for (resources, key) in cases {
        do {
            try set.apply(resources)
            Issue.record("\(key) accepted on v2")
        } catch {
            #expect(error.key == key, "\(error)")
        }
    }
}

@Test func v2QuotaAloneAndUnlimited() throws {
    let (tree, set) = v2Tree()
    try set.apply(LinuxResources(memory: LinuxMemory(limit: -1), cpu: LinuxCPU(quota: -1, period: 20_000)))
    #expect(tree.read(tree.root + "/cg/c1/memory.max") == "max")
    #expect(tree.read(tree.root + "/cg/c1/memory.swap.max") == "max")
    #expect(tree.read(tree.root + "/cg/c1/cpu.max") == "max 20000")
}

@Test func ignoredResourcesAreListedPerLayout() {
    let hybrid = CgroupLayout.parse(mountInfo: Fixtures.hybridMountInfo, procCgroups: Fixtures.hybridProcCgroups)
    let v2 = CgroupLayout.parse(mountInfo: Fixtures.v2MountInfo, procCgroups: Fixtures.v2ProcCgroups)
    let resources = LinuxResources(memory: LinuxMemory(kernel: 1, kernelTCP: 1), blockIO: LinuxBlockIO(leafWeight: 10))
    #expect(IgnoredResources.warnings(for: resources, layout: hybrid).map(\.key) == ["linux.resources.memory.kernel"])
    #expect(IgnoredResources.warnings(for: resources, layout: v2).map(\.key) == [
        "linux.resources.memory.kernel", "linux.resources.memory.kernelTCP", "linux.resources.blockIO.leafWeight",
    ])
}
