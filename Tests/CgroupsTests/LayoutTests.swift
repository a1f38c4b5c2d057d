import Testing
@testable import Cgroups

@Test func hybridHostLayoutRoutesEachControllerWhereItIsMounted() {
    let layout = CgroupLayout.parse(mountInfo: Fixtures.hybridMountInfo, procCgroups: Fixtures.hybridProcCgroups)
    #expect(layout.kind == .hybrid)
    #expect(layout.v1Hierarchy(for: "cpu")?.mountPoint == "/sys/fs/cgroup/cpu")
    #expect(layout.v1Hierarchy(for: "cpuacct")?.mountPoint == "/sys/fs/cgroup/cpuacct")
    #expect(layout.v1Hierarchy(for: "memory")?.mountPoint == "/sys/fs/cgroup/memory")
    #expect(layout.v1Hierarchy(for: "name=systemd")?.mountPoint == "/sys/fs/cgroup/systemd")
    // Not mounted as v1 here: hugetlb lives on cgroup2 only, net_cls/net_prio/rdma nowhere.
    #expect(layout.v1Hierarchy(for: "hugetlb") == nil)
    #expect(layout.v1Hierarchy(for: "net_cls") == nil)
    #expect(layout.unified?.mountPoint == "/sys/fs/cgroup/unified")
    #expect(layout.v1Hierarchies.count == 9)
}

@Test func v1HostWithCoMountedControllers() {
    let layout = CgroupLayout.parse(mountInfo: Fixtures.v1MountInfo, procCgroups: Fixtures.v1ProcCgroups)
    #expect(layout.kind == .v1)
    #expect(layout.v1Hierarchy(for: "cpu")?.controllers == ["cpu", "cpuacct"])
    #expect(layout.v1Hierarchy(for: "cpuacct")?.mountPoint == "/sys/fs/cgroup/cpu,cpuacct")
    #expect(layout.v1Hierarchy(for: "net_prio")?.controllers == ["net_cls", "net_prio"])
    // Mount options that are not controllers (clone_children, xattr) are dropped; \040 is a space.
    #expect(layout.v1Hierarchy(for: "pids")?.controllers == ["pids"])
    #expect(layout.v1Hierarchy(for: "pids")?.mountPoint == "/sys/fs/cgroup/my pids")
    // A second mount of the memory hierarchy does not replace the first.
    #expect(layout.v1Hierarchy(for: "memory")?.mountPoint == "/sys/fs/cgroup/memory")
    #expect(layout.unified == nil)
}

@Test func pureV2Host() {
    let layout = CgroupLayout.parse(mountInfo: Fixtures.v2MountInfo, procCgroups: Fixtures.v2ProcCgroups)
    #expect(layout.kind == .v2)
    #expect(layout.v1Hierarchies.isEmpty)
    #expect(layout.unified?.mountPoint == "/sys/fs/cgroup")
}

@Test func disabledControllersAreNotRouted() {
    let procCgroups = "#subsys_name\thierarchy\tnum_cgroups\tenabled\nmemory\t4\t1\t0\ncpu\t1\t1\t1\n"
    let mountInfo = "35 31 0:32 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n32 31 0:29 / /sys/fs/cgroup/cpu rw - cgroup cgroup rw,cpu"
    let layout = CgroupLayout.parse(mountInfo: mountInfo, procCgroups: procCgroups)
    #expect(layout.v1Hierarchy(for: "memory") == nil)
    #expect(layout.v1Hierarchy(for: "cpu") != nil)
}

@Test func detectReadsTheRunningHost() throws {
    let layout = try CgroupLayout.detect()
    #expect(layout.unified != nil || !layout.v1Hierarchies.isEmpty)
}

@Test func detectWithInjectedProcRoot() throws {
    let tree = FakeCgroupTree()
    tree.directory("proc/self", files: ["mountinfo": Fixtures.v1MountInfo])
    tree.write(tree.root + "/proc/cgroups", Fixtures.v1ProcCgroups)
    let layout = try CgroupLayout.detect(procRoot: tree.root + "/proc")
    #expect(layout.kind == .v1)
    #expect(throws: CgroupError.self) { try CgroupLayout.detect(procRoot: tree.root + "/missing") }
}
