import Glibc
import OCISpec
import Testing

/// CVE-2024-21626 class (a host fd leaked into the container, used as its cwd): the container's process starts
/// with its stdio and what was asked for (--preserve-fds), nothing else, and its cwd is inside its root.
@Suite(.enabled(if: ContainerFixture.isAvailable, ContainerFixture.requirement))
struct CVEFileDescriptorTests {
    /// `ls /proc/1/fd` from a child of the container's pid 1 (the shell): pid 1's fds, not ls's own.
    @Test func onlyStdioReachesTheContainer() throws {
        let fixture = try ContainerFixture("cve-fds")
        defer { fixture.cleanUp() }
        let result = fixture.runShell("ls /proc/1/fd; echo cwd=$(readlink /proc/1/cwd)")
        try #require(result.status == 0, "\(result)")
        #expect(result.stdout.words == ["0", "1", "2", "cwd=/"], "\(result.stdout)")
    }

    /// --preserve-fds N passes fds 3…3+N-1 and closes the rest, whatever swiftlet itself was given.
    @Test func preserveFDsPassesExactlyWhatWasAskedFor() throws {
        let fixture = try ContainerFixture("cve-preserve")
        defer { fixture.cleanUp() }
        fixture.setShell("ls /proc/1/fd; readlink /proc/1/fd/3")
        let result = fixture.swiftlet(
            ["run", "--preserve-fds", "1", "--bundle", fixture.bundle, fixture.makeID()], extraFiles: ["/etc/hostname", "/etc/passwd"])
        try #require(result.status == 0, "\(result)")
        #expect(result.stdout.words == ["0", "1", "2", "3", "/etc/hostname"], "\(result.stdout)")
    }

    /// process.cwd naming /proc/self/fd/N (the CVE-2024-21626 exploit): whatever fd the init holds at chdir time,
    /// the container either fails to start or ends up with a cwd inside its root.
    @Test func cwdThroughProcSelfFDNeverLeadsToTheHost() throws {
        let fixture = try ContainerFixture("cve-cwd")
        defer { fixture.cleanUp() }
        for fd in 3...12 {
            fixture.config.set("process", "cwd", to: .string("/proc/self/fd/\(fd)"))
            let result = fixture.runShell("echo cwd=$(readlink /proc/1/cwd); ls -a ../../../..")
            if result.status != 0 {
                #expect(result.stderr.contains("cwd") || result.stderr.contains("process.cwd"), "fd \(fd): \(result)")
                continue
            }
            let cwd = result.stdout.field("cwd", separator: "=") ?? ""
            #expect(!cwd.contains(fixture.directory) && !cwd.contains(fixture.root) && !cwd.hasPrefix("/work"), "fd \(fd): \(result)")
            #expect(result.stdout.words.contains("bin") && !result.stdout.words.contains("work"), "fd \(fd): \(result)")
        }
        #expect(SafetySupport.listProblems(fixture).isEmpty)
        // Nothing was "created" for the cwd inside the (shared) rootfs by following a procfs link as a host path.
        #expect(access(ContainerFixture.busyboxRootfs + "/work", F_OK) != 0, "a host path was created in the rootfs")
    }

    /// A relative walk up from a cwd deep inside the container stops at the container's root.
    @Test func dotDotFromTheCwdStaysInside() throws {
        let fixture = try ContainerFixture("cve-dotdot-cwd")
        defer { fixture.cleanUp() }
        fixture.config.set("process", "cwd", to: .string("/home/user"))
        let result = fixture.runShell("cd ../../../../../..; pwd; ls")
        try #require(result.status == 0, "\(result)")
        let words = result.stdout.words
        #expect(words.first == "/")
        #expect(words.contains("bin") && !words.contains("work") && !words.contains("opt"), "\(result.stdout)")
    }
}
