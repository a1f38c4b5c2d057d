import Glibc
import OCISpec
import Testing
@testable import Cgroups

/// Real cgroups on this machine: each test creates its own absolute cgroup (/swiftlet-test-<pid>-<name>),
/// starts its own children, and removes everything again. Never touches cgroups it did not create.
@Suite(.enabled(if: canTouchHostCgroups, "needs root and /sys/fs/cgroup"), .serialized)
struct HostCgroupTests {
    let layout: CgroupLayout

    init() throws { layout = try CgroupLayout.detect() }

    private func makeSet(_ name: String) throws -> CgroupSet {
        var set = CgroupSet(layout: layout, path: "/swiftlet-test-\(getpid())-\(name)")
        try set.create()
        return set
    }

    /// A limit file, wherever the controller lives for this set (v1 file if mounted, else the v2 file).
    private func read(_ set: CgroupSet, _ controller: String, v1: String, v2: String) -> String? {
        if let path = set.paths[controller] { return try? CgroupDirectory(path).read(v1) }
        guard let unified = set.unifiedPath else { return nil }
        return try? CgroupDirectory(unified).read(v2)
    }

    private func expectGone(_ set: CgroupSet) {
        for path in set.paths.values { #expect(access(path, F_OK) != 0, "left behind: \(path)") }
    }

    @Test func limitsJoinFreezeSignalAndDestroy() throws {
        let set = try makeSet("limits")
        var child: pid_t = -1
        defer {
            if child > 0 { kill(child, SIGKILL); _ = HostProcess.wait(child) }
            try? set.destroy()
            expectGone(set)
        }
        let resources = LinuxResources(
            memory: LinuxMemory(limit: 64 << 20),
            cpu: LinuxCPU(shares: 512, quota: 50_000, period: 100_000, cpus: "0", mems: "0"),
            pids: LinuxPids(limit: 10))
        try set.apply(resources)
        #expect(read(set, "memory", v1: "memory.limit_in_bytes", v2: "memory.max") == "67108864")
        #expect(read(set, "cpu", v1: "cpu.cfs_quota_us", v2: "cpu.max") == (set.paths["cpu"] != nil ? "50000" : "50000 100000"))
        #expect(read(set, "cpu", v1: "cpu.shares", v2: "cpu.weight") == (set.paths["cpu"] != nil ? "512" : "20"))
        #expect(read(set, "cpuset", v1: "cpuset.cpus", v2: "cpuset.cpus") == "0")
        #expect(read(set, "pids", v1: "pids.max", v2: "pids.max") == "10")

        child = HostProcess.spawn(["/bin/sleep", "30"])
        try #require(child > 0)
        try set.join(pid: child)
        #expect(try set.processes() == [child])
        #expect(try set.stats().pids.current == 1)
        #expect(try set.stats().memory.usage.limit == 64 << 20)

        try set.freeze()
        #expect(set.isFrozen)
        try set.thaw()
        #expect(!set.isFrozen)

        try set.update(LinuxResources(memory: LinuxMemory(limit: 128 << 20), pids: LinuxPids(limit: 20)))
        #expect(read(set, "memory", v1: "memory.limit_in_bytes", v2: "memory.max") == "134217728")
        #expect(read(set, "pids", v1: "pids.max", v2: "pids.max") == "20")

        try set.signalAll(SIGTERM)
        let status = HostProcess.wait(child)
        child = -1
        #expect(HostProcess.terminatingSignal(status) == SIGTERM)
        try set.destroy()
        expectGone(set)
    }

    @Test func forkingPastThePidsLimitFails() throws {
        let set = try makeSet("pids")
        defer { try? set.killAllAndDestroy(); expectGone(set) }
        try set.apply(LinuxResources(pids: LinuxPids(limit: 3)))
        // The shell waits until it has been moved into the cgroup, then tries to start 6 children.
        let shell = HostProcess.spawn(["/bin/sh", "-c", "sleep 0.5; for i in 1 2 3 4 5 6; do /bin/sleep 2 & done; wait"])
        try #require(shell > 0)
        try set.join(pid: shell)
        _ = HostProcess.wait(shell)
        let events = read(set, "pids", v1: "pids.events", v2: "pids.events") ?? ""
        #expect(events.hasPrefix("max ") && events != "max 0", "pids.events: \(events)")
    }

    @Test func allocationAboveTheMemoryLimitIsOOMKilledAndReported() throws {
        let set = try makeSet("oom")
        defer { try? set.killAllAndDestroy(); expectGone(set) }
        let hasSwapFile = set.paths["memory"].map { CgroupDirectory($0).has("memory.memsw.limit_in_bytes") } ?? false
        try set.apply(LinuxResources(memory: LinuxMemory(limit: 32 << 20, swap: hasSwapFile ? 32 << 20 : nil)))
        var events = try set.oomEventSource()
        // tail keeps a "line" of /dev/zero in memory: it grows until the OOM killer stops it.
        let hog = HostProcess.spawn(["/bin/sh", "-c", "sleep 0.3; exec tail /dev/zero"])
        try #require(hog > 0)
        try set.join(pid: hog)
        let status = HostProcess.wait(hog)
        #expect(HostProcess.terminatingSignal(status) == SIGKILL)
        var poller = pollfd(fd: events.fd, events: Int16(POLLIN), revents: 0)
        #expect(poll(&poller, 1, 2000) == 1)
        #expect(try events.readEvents() >= 1)
    }

    @Test func deviceProgramOnCgroup2DeniesAccess() throws {
        let set = try makeSet("devices")
        defer { try? set.killAllAndDestroy(); expectGone(set) }
        let unified = try #require(set.unifiedPath)
        // Everything allowed except reading /dev/zero (c 1:5).
        let rules = [LinuxDeviceCgroup(allow: true), LinuxDeviceCgroup(allow: false, type: .char, major: 1, minor: 5, access: "r")]
        try V2Devices.apply(LinuxResources(devices: rules), to: CgroupDirectory(unified), mode: .create)
        let reader = HostProcess.spawn(["/bin/sh", "-c", "sleep 0.3; exec head -c 1 /dev/zero"])
        try #require(reader > 0)
        try CgroupDirectory(unified).write("cgroup.procs", String(reader))
        #expect(HostProcess.exitCode(HostProcess.wait(reader)) != 0)
        // A second install replaces the first: reading is allowed again.
        try V2Devices.apply(LinuxResources(devices: [LinuxDeviceCgroup(allow: true)]), to: CgroupDirectory(unified), mode: .update)
        let again = HostProcess.spawn(["/bin/sh", "-c", "sleep 0.3; exec head -c 1 /dev/zero"])
        try #require(again > 0)
        try CgroupDirectory(unified).write("cgroup.procs", String(again))
        #expect(HostProcess.exitCode(HostProcess.wait(again)) == 0)
    }

    @Test func killAllAndDestroyEmptiesAFrozenContainer() throws {
        let set = try makeSet("kill")
        defer { try? set.destroy(); expectGone(set) }
        // A double fork: the sleeper is not our child, so nothing here reaps it — the kernel's reaper does.
        let parent = HostProcess.spawn(["/bin/sh", "-c", "sleep 0.3; /bin/sleep 30 & exit 0"])
        try #require(parent > 0)
        try set.join(pid: parent)
        _ = HostProcess.wait(parent)
        #expect(try set.processes().count == 1)
        try set.freeze()
        try set.killAllAndDestroy()
        expectGone(set)
    }

    /// The fast end of delete: an empty cgroup create made goes at once; one with a process, or one create did
    /// not make, is left for the kill path (a pre-existing cgroup's processes must still be killed).
    @Test func removeIfEmptyOnlyRemovesEmptyCgroupsCreateMade() throws {
        let empty = try makeSet("empty")
        defer { try? empty.destroy(); expectGone(empty) }
        #expect(empty.removeIfEmpty())
        expectGone(empty)

        let busy = try makeSet("busy")
        var child = HostProcess.spawn(["/bin/sleep", "30"])
        defer {
            if child > 0 { kill(child, SIGKILL); _ = HostProcess.wait(child) }
            try? busy.destroy(); expectGone(busy)
        }
        try #require(child > 0)
        try busy.join(pid: child)
        #expect(!busy.removeIfEmpty())
        for path in busy.paths.values { #expect(access(path, F_OK) == 0, "removed while busy: \(path)") }
        try busy.killAllAndDestroy()
        _ = HostProcess.wait(child)
        child = -1
        expectGone(busy)

        let made = try makeSet("preexisting")
        defer { try? made.destroy(); expectGone(made) }
        let preexisting = CgroupSet(restoringPaths: made.paths, createdDirectories: [])
        #expect(!preexisting.removeIfEmpty())
        for path in made.paths.values { #expect(access(path, F_OK) == 0, "removed a cgroup create did not make: \(path)") }
    }

    /// Only on a pure v2 host (the qemu guest): on a hybrid one this would enable hugetlb in the host's root cgroup2.
    @Test(.enabled(if: (try? CgroupLayout.detect().kind) == .v2, "pure cgroup v2 only"))
    func hugepageLimitOnCgroup2() throws {
        let set = try makeSet("hugetlb")
        defer { try? set.destroy(); expectGone(set) }
        try set.apply(LinuxResources(hugepageLimits: [LinuxHugepageLimit(pageSize: "2MB", limit: 8 << 20)]))
        #expect(read(set, "hugetlb", v1: "hugetlb.2MB.limit_in_bytes", v2: "hugetlb.2MB.max") == "8388608")
    }

    @Test func missingControllersAreErrorsOnThisHost() throws {
        let set = try makeSet("errors")
        defer { try? set.destroy(); expectGone(set) }
        if layout.v1Hierarchy(for: "net_cls") == nil {
            #expect(throws: CgroupError.self) { try set.apply(LinuxResources(network: LinuxNetwork(classID: 1))) }
        }
        // Refused before anything is written (no subtree_control change in the host's cgroup2 root).
        #expect(throws: CgroupError.self) {
            try set.apply(LinuxResources(hugepageLimits: [LinuxHugepageLimit(pageSize: "3MB", limit: 1)]))
        }
        #expect(throws: CgroupError.self) { try set.apply(LinuxResources(cpu: LinuxCPU(cpus: "4096"))) }
    }
}
