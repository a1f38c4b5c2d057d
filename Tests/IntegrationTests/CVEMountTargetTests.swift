import Glibc
import OCISpec
import Testing

/// CVE-2021-30465 class (mount targets redirected by symlinks in the rootfs) and `..` in paths: every mount lands
/// inside the rootfs, and nothing is created or mounted on the host's side of a symlink. Each test uses a private
/// rootfs copy holding the symlinks, and "probe" directories next to the bundle that an escape would write into.
@Suite(.enabled(if: ContainerFixture.isAvailable, ContainerFixture.requirement))
struct CVEMountTargetTests {
    /// `/escape-abs -> /` and `/escape-rel -> ../../<probe>` (relative, pointing out of the rootfs on the host).
    @Test func symlinkedMountTargetsLandInsideTheRootfs() throws {
        let fixture = try ContainerFixture("cve-mount-symlink")
        defer { fixture.cleanUp() }
        try fixture.useRootfsCopy()
        let rootfs = fixture.bundle + "/rootfs"
        let absoluteProbe = CVESupport.makeHostProbe(fixture, "probe-absolute")
        let relativeProbe = CVESupport.makeHostProbe(fixture, "probe-relative")
        try #require(symlink("/", rootfs + "/escape-abs") == 0)
        try #require(symlink("../../probe-relative", rootfs + "/escape-rel") == 0)
        CVESupport.addTmpfs(fixture, at: "/escape-abs" + absoluteProbe + "/sub")
        CVESupport.addTmpfs(fixture, at: "/escape-rel/sub")

        let result = fixture.runShell("grep -c ' tmpfs ' /proc/self/mountinfo; cut -d' ' -f5 /proc/self/mountinfo")
        try #require(result.status == 0, "\(result)")
        // Inside the container both resolve within its root: /<absolute probe path>/sub and /probe-relative/sub.
        let mountPoints = result.stdout.lines
        #expect(mountPoints.contains(absoluteProbe + "/sub"), "\(result.stdout)")
        #expect(mountPoints.contains("/probe-relative/sub"), "\(result.stdout)")
        #expect(CVESupport.isDirectory(rootfs + absoluteProbe + "/sub"))
        #expect(CVESupport.isDirectory(rootfs + "/probe-relative/sub"))
        #expect(CVESupport.disturbances(of: absoluteProbe).isEmpty, "\(CVESupport.disturbances(of: absoluteProbe))")
        #expect(CVESupport.disturbances(of: relativeProbe).isEmpty, "\(CVESupport.disturbances(of: relativeProbe))")
    }

    /// A bind mount of a file onto a symlinked target: the target file is created inside the rootfs.
    @Test func symlinkedFileTargetIsCreatedInsideTheRootfs() throws {
        let fixture = try ContainerFixture("cve-mount-file")
        defer { fixture.cleanUp() }
        try fixture.useRootfsCopy()
        let rootfs = fixture.bundle + "/rootfs"
        let probe = CVESupport.makeHostProbe(fixture, "probe-file")
        try #require(symlink("../../probe-file/created-by-escape", rootfs + "/etc/escape-file") == 0)
        var mounts = fixture.config["mounts"]?.arrayValue ?? []
        mounts.append(.members(["destination": .string("/etc/escape-file"), "type": .string("bind"),
                                "source": .string("/etc/hostname"), "options": .strings(["bind", "ro"])]))
        fixture.config.set("mounts", to: .array(mounts))
        let result = fixture.runShell("cat /etc/escape-file")
        #expect(CVESupport.disturbances(of: probe).isEmpty, "\(CVESupport.disturbances(of: probe))")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == CLIHarness.readFile("/etc/hostname"))
        #expect(access(rootfs + "/probe-file/created-by-escape", F_OK) == 0)
    }

    /// `..` in a mount destination is clamped at the container's root, never followed to the host.
    @Test func dotDotInMountDestinationsCannotEscape() throws {
        let fixture = try ContainerFixture("cve-mount-dotdot")
        defer { fixture.cleanUp() }
        try fixture.useRootfsCopy()
        let probe = CVESupport.makeHostProbe(fixture, "probe-dotdot")
        CVESupport.addTmpfs(fixture, at: "/../../../../../../.." + probe + "/sub")
        let result = fixture.runShell("cut -d' ' -f5 /proc/self/mountinfo")
        #expect(CVESupport.disturbances(of: probe).isEmpty, "\(CVESupport.disturbances(of: probe))")
        // runc cleans the path lexically (as if chrooted); so does swiftlet.
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.lines.contains(probe + "/sub"), "\(result.stdout)")
    }

    /// Ids are path components: `..`, slashes and the like are refused before anything is made.
    @Test(arguments: ["..", "../escape", "a/../../escape", "/tmp/escape", ".", "a/b"])
    func idsCannotEscapeTheStateRoot(_ id: String) throws {
        let fixture = try ContainerFixture("cve-id")
        defer { fixture.cleanUp() }
        let before = HostLeftovers.directoryEntries(fixture.directory).sorted()
        let result = fixture.swiftlet(["create", "--bundle", fixture.bundle, id])
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.contains("invalid") || result.stderr.contains("id"), "\(result)")
        // The state root itself may be made (swiftlet creates --root on first use); nothing else may appear.
        let after = HostLeftovers.directoryEntries(fixture.directory).filter { !$0.hasPrefix("command-") && $0 != "root" }.sorted()
        #expect(after == before.filter { !$0.hasPrefix("command-") }, "\(after)")
        #expect(access("/tmp/escape", F_OK) != 0)
        #expect(HostLeftovers.stateDirectories(in: fixture.root).isEmpty)
        for command in [["state", id], ["delete", id], ["kill", id], ["start", id]] {
            #expect(fixture.swiftlet(command).status != 0, "\(command)")
        }
    }
}
