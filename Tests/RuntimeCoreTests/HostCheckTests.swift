import OCISpec
import Testing

@testable import RuntimeCore

/// A host with every namespace, the usual v1 controllers (no hugetlb), cap_last_cap 40, seccomp, and
/// only the listed paths.
private func host(
    namespaces: Set<String> = ["cgroup", "ipc", "mnt", "net", "pid", "time", "user", "uts"],
    controllers: Set<String> = ["cpu", "cpuset", "memory", "pids", "blkio", "devices"],
    lastCap: Int32? = 40, seccomp: Bool = true, directories: Set<String> = ["/b/rootfs"], files: Set<String> = []
) -> HostFacts {
    HostFacts(
        namespaceFiles: namespaces, cgroupControllers: controllers, lastCapability: lastCap, seccompAvailable: seccomp,
        pathKind: { path in directories.contains(path) ? .directory : files.contains(path) ? .other : .missing })
}

private func spec(_ json: String) throws -> Spec {
    try #require(SpecLoader.diagnose(bytes: Array(json.utf8)).spec)
}

private func problems(_ json: String, on facts: HostFacts) throws -> [ConfigProblem] {
    HostCheck.runAll(spec: try spec(json), bundle: "/b", host: facts)
}

@Test func cleanConfigOnACapableHostHasNoProblems() throws {
    let json = #"{"ociVersion":"1.0.2","root":{"path":"rootfs"},"linux":{"namespaces":[{"type":"pid"},{"type":"mount"}]}}"#
    #expect(try problems(json, on: host()).isEmpty)
}

@Test func rootfsMustBeAnExistingDirectory() throws {
    let missing = try problems(#"{"ociVersion":"1.0.2","root":{"path":"nope"}}"#, on: host())
    #expect(missing == [.error("root.path", "rootfs /b/nope does not exist")])
    let file = try problems(#"{"ociVersion":"1.0.2","root":{"path":"/f"}}"#, on: host(files: ["/f"]))
    #expect(file.map(\.path) == ["root.path"])
}

@Test func namespaceTypesMustExistInTheKernel() throws {
    let json = #"{"ociVersion":"1.0.2","root":{"path":"rootfs"},"linux":{"namespaces":[{"type":"pid"},{"type":"time"},{"type":"network","path":"/proc/1/ns/nope"}]}}"#
    let found = try problems(json, on: host(namespaces: ["pid", "net"]))
    #expect(found.map(\.path) == ["linux.namespaces[1].type", "linux.namespaces[2].path"])
}

@Test func cgroupControllersMustBeAvailable() throws {
    let json = #"{"ociVersion":"1.0.2","root":{"path":"rootfs"},"linux":{"resources":{"memory":{"limit":1048576},"hugepageLimits":[{"pageSize":"2MB","limit":0}],"blockIO":{"weight":100}}}}"#
    let found = try problems(json, on: host())
    #expect(found.map(\.path) == ["linux.resources.hugepageLimits"])
    #expect(found.first?.message.contains("\"hugetlb\"") == true)
    // On a hybrid host hugetlb may live only on cgroup2: then it is available.
    #expect(try problems(json, on: host(controllers: ["memory", "io", "hugetlb"])).isEmpty)
}

@Test func capabilitiesAboveCapLastCapAreWarnings() throws {
    let json = #"{"ociVersion":"1.0.2","root":{"path":"rootfs"},"process":{"args":["sh"],"cwd":"/","user":{"uid":0,"gid":0},"capabilities":{"bounding":["CAP_CHOWN","CAP_BPF"]}}}"#
    let found = try problems(json, on: host(lastCap: 38))
    #expect(found.map(\.path) == ["process.capabilities.bounding[1]"])
    #expect(found.first?.severity == .warning)
    #expect(try problems(json, on: host(lastCap: 40)).isEmpty)
}

@Test func sysctlKeysMustExistUnderProcSys() throws {
    let json = #"{"ociVersion":"1.0.2","root":{"path":"rootfs"},"linux":{"namespaces":[{"type":"network"}],"sysctl":{"net.ipv4.ip_forward":"1","net.nope":"1"}}}"#
    let found = try problems(json, on: host(files: ["/proc/sys/net/ipv4/ip_forward"]))
    #expect(found == [.error(#"linux.sysctl["net.nope"]"#, "sysctl net.nope does not exist on this host (no /proc/sys/net/nope)")])
}

@Test func seccompNeedsKernelSupport() throws {
    let json = #"{"ociVersion":"1.0.2","root":{"path":"rootfs"},"linux":{"seccomp":{"defaultAction":"SCMP_ACT_ALLOW"}}}"#
    #expect(try problems(json, on: host(seccomp: false)).map(\.path) == ["linux.seccomp"])
    #expect(try problems(json, on: host(seccomp: true)).isEmpty)
}

@Test func everyHostCheckIsNamed() {
    #expect(HostCheck.all.map(\.name) == ["rootfs", "namespaces", "cgroup controllers", "capabilities", "sysctl", "seccomp", "ignored resources"])
}

@Test func controllerProbeReadsV1OptionsAndCgroup2Lists() {
    let mountinfo = """
        32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
        35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
        40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
        41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
        """
    let mounts = mountinfo.split(separator: "\n").compactMap { MountInfoLine.parse(String($0)) }
    let enabled = CgroupControllerProbe.enabledControllers("#subsys_name\thierarchy\tnum_cgroups\tenabled\ncpu\t1\t1\t1\nmemory\t4\t1\t0\nhugetlb\t0\t1\t1\n")
    #expect(enabled == ["cpu", "hugetlb"])
    let found = CgroupControllerProbe.controllers(mounts: mounts, cgroup2Controllers: ["hugetlb\n"], enabled: enabled)
    #expect(found == ["cpu", "hugetlb"])
}

@Test func checkTextAndJSONShapes() {
    let found: [ConfigProblem] = [.error("process.args", "must not be empty"), .warning("a", "b")]
    #expect(BundleCheck.text(found) == "process.args: must not be empty\nwarning: a: b\n")
    #expect(BundleCheck.text([]) == "config.json: ok\n")
    #expect(BundleCheck.text([.warning("a", "b")]) == "warning: a: b\nconfig.json: ok (1 warning)\n")
    #expect(BundleCheck.json([]) == "[]\n")
    #expect(BundleCheck.json([.error("p", "m")]).contains("\"severity\": \"error\""))
}

import LinuxSys

/// LinuxSys's mountinfo parser under a local name.
private enum MountInfoLine {
    static func parse(_ line: String) -> MountInfo? { MountInfo.parse(line: line) }
}
