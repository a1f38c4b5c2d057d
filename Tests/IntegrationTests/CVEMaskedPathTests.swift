import Glibc
import OCISpec
import Testing

/// CVE-2019-16884 / CVE-2023-27561 class (masks and read-only paths that a container gets around): a masked file
/// reads empty however it is reached (a symlink to it, /proc/self/root, /proc/1/root), a masked path that is itself
/// a symlink is resolved inside the root, and a read-only path cannot be remounted writable from inside.
@Suite(.enabled(if: ContainerFixture.isAvailable, ContainerFixture.requirement))
struct CVEMaskedPathTests {
    @Test func maskedFilesStayMaskedThroughEveryPath() throws {
        let fixture = try ContainerFixture("cve-mask")
        defer { fixture.cleanUp() }
        try fixture.useRootfsCopy()
        let rootfs = fixture.bundle + "/rootfs"
        mkdir(rootfs + "/data", 0o755)
        CLIHarness.writeFile(rootfs + "/data/secret", "TOPSECRET\n")
        try #require(symlink("/data/secret", rootfs + "/alias") == 0)
        try #require(symlink("../../../data/secret", rootfs + "/etc/relative-alias") == 0)
        var masked = fixture.config["linux"]?["maskedPaths"]?.arrayValue ?? []
        masked.append(.string("/data/secret"))
        fixture.config.set("linux", "maskedPaths", to: .array(masked))
        let result = fixture.runShell("""
            cat /data/secret /alias /etc/relative-alias /proc/self/root/data/secret /proc/1/root/data/secret
            cat /proc/1/root/alias; head -c 16 /proc/kcore | wc -c; head -c 16 /proc/1/root/proc/kcore | wc -c; echo done
            """)
        #expect(!result.output.contains("TOPSECRET"), "\(result)")
        #expect(result.stdout.words.suffix(3) == ["0", "0", "done"], "\(result.stdout)")
    }

    /// A masked path that is a symlink out of the rootfs masks what it points to inside the root; the host's file
    /// is untouched (not bound over, not emptied).
    @Test func aSymlinkedMaskedPathIsResolvedInsideTheRoot() throws {
        let fixture = try ContainerFixture("cve-mask-link")
        defer { fixture.cleanUp() }
        try fixture.useRootfsCopy()
        let rootfs = fixture.bundle + "/rootfs"
        let hostFile = fixture.directory + "/host-secret"
        CLIHarness.writeFile(hostFile, "HOSTDATA\n")
        mkdir(rootfs + fixture.directory, 0o755)  // the same path inside the rootfs, with other content
        CLIHarness.writeFile(rootfs + hostFile, "INSIDE\n")
        try #require(symlink(hostFile, rootfs + "/masked-link") == 0)
        var masked = fixture.config["linux"]?["maskedPaths"]?.arrayValue ?? []
        masked.append(.string("/masked-link"))
        fixture.config.set("linux", "maskedPaths", to: .array(masked))
        let result = fixture.runShell("cat /masked-link \(hostFile); echo end")
        #expect(!result.output.contains("HOSTDATA"), "\(result)")
        #expect(result.status == 0, "\(result)")
        #expect(!result.stdout.contains("INSIDE"), "the mask missed its target: \(result)")
        #expect(CLIHarness.readFile(hostFile) == "HOSTDATA\n")
        #expect(HostLeftovers.mounts(mentioning: hostFile).isEmpty)
    }

    /// The default read-only paths stay read-only: writing fails, and remounting needs CAP_SYS_ADMIN, which the
    /// default capabilities do not include.
    @Test func readonlyPathsCannotBeMadeWritable() throws {
        let fixture = try ContainerFixture("cve-readonly")
        defer { fixture.cleanUp() }
        let result = fixture.runShell("""
            echo 1 > /proc/sys/kernel/hostname && echo WROTE
            mount -o remount,rw /proc/sys && echo REMOUNTED
            mount -o remount,bind,rw /proc/sys && echo REBOUND
            echo end
            """)
        #expect(result.stdout.lines.contains("end"), "\(result)")
        #expect(!result.stdout.contains("WROTE") && !result.stdout.contains("REMOUNTED") && !result.stdout.contains("REBOUND"), "\(result)")
    }
}
