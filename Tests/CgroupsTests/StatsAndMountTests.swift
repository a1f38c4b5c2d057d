import FoundationEssentials
import Testing
@testable import Cgroups

@Test func statsEncodeInRuncsShapeWithOmitEmpty() throws {
    var stats = CgroupStats()
    stats.memory.usage.usage = 100
    stats.memory.usage.limit = 200
    stats.pids.current = 2
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = String(decoding: try encoder.encode(stats), as: UTF8.self)
    #expect(json.contains(#""pids":{"current":2}"#))
    #expect(json.contains(#""usage":{"failcnt":0,"limit":200,"usage":100}"#))
    #expect(json.contains(#""cpu":{"throttling":{},"usage":{"kernel":0,"user":0}}"#))
    #expect(json.contains(#""blkio":{}"#))
    #expect(json.contains(#""intel_rdt":{}"#))
    #expect(json.contains(#""network_interfaces":null"#))
    #expect(json.contains(#""cpuset":{}"#))
}

@Test func cpusetListsAndFlags() throws {
    #expect(CgroupStats.CPUSet.parseList("0-2,4") == [0, 1, 2, 4])
    #expect(CgroupStats.CPUSet.parseList("") == [])
    let tree = FakeCgroupTree()
    let dir = tree.directory("cpuset/c1", files: ["cpuset.cpus": "0-1\n", "cpuset.mems": "0", "cpuset.sched_load_balance": "1",
                                                  "cpuset.sched_relax_domain_level": "-1"])
    let stats = try CgroupSet(restoringPaths: ["cpuset": dir]).stats()
    #expect(stats.cpuset.cpus == [0, 1] && stats.cpuset.mems == [0])
    #expect(stats.cpuset.flags["sched_relax_domain_level"] == -1)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = String(decoding: try encoder.encode(stats.cpuset), as: UTF8.self)
    #expect(json.hasPrefix(#"{"cpu_exclusive":0,"cpus":[0,1]"#))
}

@Test func v1StatsFromFiles() throws {
    let tree = FakeCgroupTree()
    let memory = tree.directory("memory/c1", files: [
        "memory.usage_in_bytes": "4096", "memory.limit_in_bytes": "8192", "memory.max_usage_in_bytes": "5000",
        "memory.failcnt": "3", "memory.stat": "cache 10\nrss 20\n",
    ])
    let pids = tree.directory("pids/c1", files: ["pids.current": "2", "pids.max": "max"])
    let blkio = tree.directory("blkio/c1", files: [
        "blkio.throttle.io_service_bytes_recursive": "8:0 Read 4096\n8:0 Write 0\nTotal 4096\n",
    ])
    let stats = try CgroupSet(restoringPaths: ["memory": memory, "pids": pids, "blkio": blkio]).stats()
    #expect(stats.memory.usage.usage == 4096)
    #expect(stats.memory.usage.limit == 8192)
    #expect(stats.memory.usage.max == 5000)
    #expect(stats.memory.usage.failcnt == 3)
    #expect(stats.memory.cache == 10)
    #expect(stats.pids.current == 2 && stats.pids.limit == 0)
    #expect(stats.blkio.ioServiceBytesRecursive == [
        .init(major: 8, minor: 0, op: "Read", value: 4096), .init(major: 8, minor: 0, op: "Write", value: 0),
    ])
}

@Test func v2StatsFromFiles() throws {
    let tree = FakeCgroupTree()
    let dir = tree.directory("cg/c1", files: [
        "cpu.stat": "usage_usec 5\nuser_usec 3\nsystem_usec 2\nnr_periods 1\nnr_throttled 1\nthrottled_usec 7\n",
        "memory.current": "4096", "memory.max": "max", "memory.stat": "file 11\nanon 5\n",
        "memory.events": "low 0\nhigh 0\nmax 4\noom 1\noom_kill 1\n", "pids.current": "1", "pids.max": "10",
        "io.stat": "8:0 rbytes=512 wbytes=1024 rios=1 wios=2 dbytes=0 dios=0\n",
        "hugetlb.2MB.current": "0", "hugetlb.2MB.events": "max 0\n",
    ])
    let stats = try CgroupSet(restoringPaths: ["unified": dir]).stats()
    #expect(stats.cpu.usage.total == 5000 && stats.cpu.throttling.throttledTime == 7000)
    #expect(stats.memory.usage.usage == 4096 && stats.memory.usage.limit == UInt64.max && stats.memory.usage.failcnt == 4)
    #expect(stats.memory.cache == 11)
    #expect(stats.pids.limit == 10)
    #expect(stats.blkio.ioServicedRecursive.map(\.value) == [1, 2])
    #expect(stats.hugetlb.keys.sorted() == ["2MB"])
}

@Test func statsOfAGoneCgroupFail() {
    #expect(throws: CgroupError.self) { try CgroupSet(restoringPaths: ["unified": "/nonexistent/swiftlet"]).stats() }
}

@Test func hybridMountPlanBindsEachHierarchyAndUnified() {
    let layout = CgroupLayout.parse(mountInfo: Fixtures.hybridMountInfo, procCgroups: Fixtures.hybridProcCgroups)
    let plan = CgroupSet(layout: layout, path: "/c1").cgroupMount(
        destination: "/sys/fs/cgroup", readOnly: true, hasCgroupNamespace: false, layout: layout)
    #expect(plan.operations.first == .tmpfs(destination: "/sys/fs/cgroup"))
    #expect(plan.operations.contains(.bind(source: "/sys/fs/cgroup/memory/c1", destination: "/sys/fs/cgroup/memory", readOnly: true)))
    #expect(plan.operations.contains(.bind(source: "/sys/fs/cgroup/unified/c1", destination: "/sys/fs/cgroup/unified", readOnly: true)))
    #expect(plan.operations.last == .remountReadOnly(destination: "/sys/fs/cgroup"))
}

@Test func coMountedHierarchiesGetSymlinks() {
    let layout = CgroupLayout.parse(mountInfo: Fixtures.v1MountInfo, procCgroups: Fixtures.v1ProcCgroups)
    let plan = CgroupSet(layout: layout, path: "/c1").cgroupMount(
        destination: "/sys/fs/cgroup", readOnly: false, hasCgroupNamespace: false, layout: layout)
    #expect(plan.operations.contains(.bind(source: "/sys/fs/cgroup/cpu,cpuacct/c1", destination: "/sys/fs/cgroup/cpu,cpuacct", readOnly: false)))
    #expect(plan.operations.contains(.symlink(target: "cpu,cpuacct", destination: "/sys/fs/cgroup/cpu")))
    #expect(plan.operations.contains(.symlink(target: "cpu,cpuacct", destination: "/sys/fs/cgroup/cpuacct")))
    #expect(!plan.operations.contains(.remountReadOnly(destination: "/sys/fs/cgroup")))
}

@Test func v2MountPlanIsACgroup2MountInsideANamespace() {
    let layout = CgroupLayout.parse(mountInfo: Fixtures.v2MountInfo, procCgroups: Fixtures.v2ProcCgroups)
    let set = CgroupSet(layout: layout, path: "/c1")
    #expect(set.cgroupMount(destination: "/sys/fs/cgroup", readOnly: true, hasCgroupNamespace: true, layout: layout).operations
        == [.cgroup2(destination: "/sys/fs/cgroup", readOnly: true)])
    #expect(set.cgroupMount(destination: "/sys/fs/cgroup", readOnly: true, hasCgroupNamespace: false, layout: layout).operations
        == [.bind(source: "/sys/fs/cgroup/c1", destination: "/sys/fs/cgroup", readOnly: true)])
}
