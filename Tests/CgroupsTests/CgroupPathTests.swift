import Testing
@testable import Cgroups

private let hybrid = CgroupLayout.parse(mountInfo: Fixtures.hybridMountInfo, procCgroups: Fixtures.hybridProcCgroups)

@Test func absentPathDefaultsToContainerID() throws {
    #expect(try CgroupPath.parse(nil, containerID: "c1") == .absolute("/c1"))
    #expect(try CgroupPath.parse("", containerID: "c1") == .absolute("/c1"))
}

@Test func absoluteAndRelativePathsAreNormalized() throws {
    #expect(try CgroupPath.parse("/a//b/./c/", containerID: "x") == .absolute("/a/b/c"))
    #expect(try CgroupPath.parse("a/b", containerID: "x") == .relative("a/b"))
}

@Test func systemdSyntaxIsRefusedWithAClearError() {
    do {
        _ = try CgroupPath.parse("system.slice:docker:abc", containerID: "x")
        Issue.record("systemd syntax accepted")
    } catch {
        #expect(error.key == "linux.cgroupsPath")
        #expect(error.description.contains("systemd cgroup driver not supported"))
    }
}

@Test func dotDotIsRefused() {
    #expect(throws: CgroupError.self) { try CgroupPath.parse("/a/../../etc", containerID: "x") }
}

@Test func absolutePathGoesUnderEachHierarchyRoot() {
    let set = CgroupSet(layout: hybrid, path: "/swiftlet/c1")
    #expect(set.paths["memory"] == "/sys/fs/cgroup/memory/swiftlet/c1")
    #expect(set.paths["cpu"] == "/sys/fs/cgroup/cpu/swiftlet/c1")
    #expect(set.paths["name=systemd"] == "/sys/fs/cgroup/systemd/swiftlet/c1")
    #expect(set.paths["unified"] == "/sys/fs/cgroup/unified/swiftlet/c1")
    #expect(set.paths["hugetlb"] == nil)
    #expect(!set.isUnifiedOnly)
}

@Test func relativePathGoesUnderTheCallersOwnCgroup() {
    let own = OwnCgroups.parse(Fixtures.hybridSelfCgroup)
    let set = CgroupSet(layout: hybrid, path: .relative("c1"), ownCgroups: own)
    let ownMemory = own.pathByController["memory"] ?? "?"
    #expect(set.paths["memory"] == "/sys/fs/cgroup/memory" + (ownMemory == "/" ? "" : ownMemory) + "/c1")
    #expect(set.paths["unified"] == "/sys/fs/cgroup/unified/c1")
}

@Test func ownCgroupsParsing() {
    let own = OwnCgroups.parse("12:cpu,cpuacct:/docker/abc\n1:name=systemd:/init.scope\n0::/user.slice\n")
    #expect(own.pathByController["cpu"] == "/docker/abc")
    #expect(own.pathByController["cpuacct"] == "/docker/abc")
    #expect(own.pathByController["name=systemd"] == "/init.scope")
    #expect(own.pathByController["unified"] == "/user.slice")
}

@Test func mountRootInsideACgroupNamespaceIsStripped() {
    let hierarchy = CgroupLayout.Hierarchy(controllers: [], mountPoint: "/sys/fs/cgroup", root: "/outer")
    #expect(CgroupPath.absolute("/outer/c1").directory(in: hierarchy, ownCgroup: nil) == "/sys/fs/cgroup/c1")
    #expect(CgroupPath.relative("c1").directory(in: hierarchy, ownCgroup: "/outer/me") == "/sys/fs/cgroup/me/c1")
}

@Test func pureV2SetHasOnlyTheUnifiedPath() {
    let layout = CgroupLayout.parse(mountInfo: Fixtures.v2MountInfo, procCgroups: Fixtures.v2ProcCgroups)
    let set = CgroupSet(layout: layout, path: "/c1")
    #expect(set.paths == ["unified": "/sys/fs/cgroup/c1"])
    #expect(set.isUnifiedOnly)
}
