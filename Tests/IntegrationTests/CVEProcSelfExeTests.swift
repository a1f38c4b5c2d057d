import Glibc
import OCISpec
import Testing

/// CVE-2019-5736 class (the runtime binary overwritten through /proc/<pid>/exe): once the user's program runs,
/// pid 1's exe is that program; while the container is `created`, its pid 1 is still the swiftlet image, and
/// no other process in the container can open it — the init is not dumpable (PR_SET_DUMPABLE 0), so only
/// CAP_SYS_PTRACE would pass. A container granted CAP_SYS_PTRACE is the remaining risk (as with runc).
@Suite(.enabled(if: ContainerFixture.isAvailable && access("/usr/bin/nsenter", X_OK) == 0,
                "needs root, the built swiftlet, the busybox rootfs and nsenter"))
struct CVEProcSelfExeTests {
    @Test func aRunningContainersInitIsTheUsersProgram() throws {
        let fixture = try ContainerFixture("cve-exe-running")
        defer { fixture.cleanUp() }
        let result = fixture.runShell("readlink /proc/1/exe; readlink /proc/self/exe")
        try #require(result.status == 0, "\(result)")
        #expect(result.stdout.words == ["/bin/busybox", "/bin/busybox"], "\(result.stdout)")
    }

    /// From inside a created container: nsenter into all its namespaces (root and cwd included) as uid 1000, and
    /// `swiftlet exec` as the container's root without CAP_SYS_PTRACE (the case only non-dumpability protects).
    @Test func aCreatedContainersInitImageCannotBeOpenedFromInside() throws {
        let fixture = try ContainerFixture("cve-exe-created")
        defer { fixture.cleanUp() }
        SafetySupport.sleeper(fixture, marker: "cve-exe-\(getpid())")
        let id = fixture.makeID()
        let created = fixture.swiftlet(["create", "--bundle", fixture.bundle, id])
        try #require(created.status == 0, "\(created)")
        let pid = try #require(fixture.state(id)?["pid"]?.integerValue)
        // Precondition: the init is still swiftlet (seen from the host, with every capability).
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX))
        let count = readlink("/proc/\(pid)/exe", &buffer, buffer.count - 1)
        let hostView = count > 0 ? String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        #expect(hostView.hasSuffix("/swiftlet"), "\(hostView)")

        let probe = "cat /proc/1/exe > /dev/null && echo OPENED; readlink /proc/1/exe && echo LINKED; ls /proc/1/fd && echo FDS; true"
        let asUser = fixture.runOnHost(["/usr/bin/nsenter", "-t", "\(pid)", "-a", "-S", "1000", "-G", "1000", "/bin/sh", "-c", probe])
        #expect(asUser.status == 0, "\(asUser)")
        #expect(!asUser.stdout.contains("OPENED") && !asUser.stdout.contains("LINKED") && !asUser.stdout.contains("FDS"), "\(asUser)")

        // The CVE's own scenario: `exec` into the created container, as its root without CAP_SYS_PTRACE (the default
        // capabilities). Listing /proc/1/fd is allowed to the same uid; following or opening any entry is not.
        let execProbe = probe + "; for f in $(ls /proc/1/fd); do readlink /proc/1/fd/$f && echo FDLINK; done; echo x >> /proc/1/exe && echo WROTE; true"
        let asContainerRoot = fixture.swiftlet(["exec", id, "/bin/sh", "-c", execProbe])
        #expect(asContainerRoot.status == 0, "\(asContainerRoot)")
        for leak in ["OPENED", "LINKED", "FDLINK", "WROTE"] {
            #expect(!asContainerRoot.stdout.contains(leak), "\(leak): \(asContainerRoot)")
        }
        #expect(asContainerRoot.stderr.lowercased().contains("permission denied"), "\(asContainerRoot)")

        // Still intact and startable afterwards.
        #expect(fixture.swiftlet(["start", id]).status == 0)
    }
}

extension ContainerFixture {
    /// Runs a host command (not swiftlet) with its output captured in the fixture's directory.
    func runOnHost(_ arguments: [String]) -> CommandResult {
        SpawnedCommand.run(arguments, outputPrefix: directory + "/host-\(arguments.count)-\(Int.random(in: 0..<1_000_000))")
    }
}
