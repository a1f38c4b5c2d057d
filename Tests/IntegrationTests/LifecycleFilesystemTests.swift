import FoundationEssentials
import Glibc
import OCISpec
import Testing

/// config.md's `root` and `mounts`, config-linux.md's devices, maskedPaths and readonlyPaths, observed from
/// inside the container. Tests that could write into the rootfs if swiftlet got it wrong use a private copy.
@Suite(.enabled(if: ContainerFixture.isAvailable, ContainerFixture.requirement))
struct LifecycleFilesystemTests {
    /// A line of /proc/self/mounts split into its fields, found by mount point.
    static func mountEntry(_ mountPoint: String, in text: String) -> (type: String, options: Set<String>)? {
        guard let line = text.lines.last(where: { $0.words.count >= 4 && $0.words[1] == mountPoint }) else { return nil }
        let words = line.words
        return (words[2], Set(words[3].split(separator: ",").map(String.init)))
    }

    static func appendMount(_ fixture: ContainerFixture, _ mount: JSONValue) {
        let mounts = fixture.config["mounts"]?.arrayValue ?? []
        fixture.config.set("mounts", to: .array(mounts + [mount]))
    }

    @Test func maskedPathsAreEmptyOrUnreadable() throws {
        let fixture = try ContainerFixture("masked")
        defer { fixture.cleanUp() }
        let masked = fixture.config["linux"]?["maskedPaths"]?.arrayValue ?? []
        fixture.config.set("linux", "maskedPaths", to: .array(masked + [.string("/etc/hostname"), .string("/home")]))
        let result = fixture.runShell(
            "echo kcore=$(head -c 16 /proc/kcore 2>/dev/null | wc -c); echo hostname=$(cat /etc/hostname);"
                + " echo home=$(ls -A /home | wc -l)")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.field("kcore", separator: "=") == "0", "\(result)")
        #expect(result.stdout.field("hostname", separator: "=") == "", "rootfs /etc/hostname says swiftlet: \(result)")
        #expect(result.stdout.field("home", separator: "=") == "0", "rootfs /home holds user/: \(result)")
    }

    @Test func readonlyPathsRefuseWrites() throws {
        let fixture = try ContainerFixture("ropaths")
        defer { fixture.cleanUp() }
        Self.appendMount(fixture, .members(["destination": .string("/mnt"), "type": .string("tmpfs"), "source": .string("tmpfs")]))
        let readonly = fixture.config["linux"]?["readonlyPaths"]?.arrayValue ?? []
        fixture.config.set("linux", "readonlyPaths", to: .array(readonly + [.string("/mnt")]))
        let result = fixture.runShell("touch /mnt/x; echo 1 > /proc/sys/kernel/domainname; cat /proc/self/mounts")
        #expect(result.stderr.contains("touch: /mnt/x: Read-only file system"), "\(result)")
        #expect(result.stderr.contains("/proc/sys/kernel/domainname: Read-only file system"), "\(result)")
        #expect(Self.mountEntry("/mnt", in: result.stdout)?.options.contains("ro") == true, "\(result)")
        #expect(Self.mountEntry("/proc/sys", in: result.stdout)?.options.contains("ro") == true, "\(result)")
    }

    @Test func mountOptionsAreApplied() throws {
        let fixture = try ContainerFixture("mountopts")
        defer { fixture.cleanUp() }
        let shared = fixture.directory + "/shared"
        mkdir(shared, 0o755)
        CLIHarness.writeFile(shared + "/from-host", "hello from the host\n")
        Self.appendMount(fixture, .members([
            "destination": .string("/mnt"), "type": .string("tmpfs"), "source": .string("tmpfs"),
            "options": .strings(["nosuid", "nodev", "noexec", "size=1m", "mode=700", "noatime"]),
        ]))
        Self.appendMount(fixture, .members([
            "destination": .string("/home"), "type": .string("bind"), "source": .string(shared),
            "options": .strings(["rbind", "ro", "nosuid"]),
        ]))
        let result = fixture.runShell("cat /proc/self/mounts; stat -c 'mode=%a' /mnt; cat /home/from-host; touch /home/x")
        let tmpfs = try #require(Self.mountEntry("/mnt", in: result.stdout), "\(result)")
        #expect(tmpfs.type == "tmpfs")
        #expect(tmpfs.options.isSuperset(of: ["rw", "nosuid", "nodev", "noexec", "noatime", "size=1024k", "mode=700"]), "\(tmpfs.options)")
        #expect(result.stdout.field("mode", separator: "=") == "700", "\(result)")
        let bind = try #require(Self.mountEntry("/home", in: result.stdout), "\(result)")
        #expect(bind.options.isSuperset(of: ["ro", "nosuid"]), "\(bind.options)")
        #expect(result.stdout.contains("hello from the host"), "\(result)")
        #expect(result.stderr.contains("touch: /home/x: Read-only file system"), "\(result)")
        #expect(access(shared + "/x", F_OK) != 0)
    }

    @Test func defaultDevicesAndALinuxDevicesEntry() throws {
        let fixture = try ContainerFixture("devices")
        defer { fixture.cleanUp() }
        fixture.config.set("linux", "devices", to: .array([
            .members([
                "path": .string("/dev/h9zero"), "type": .string("c"), "major": .integer(1), "minor": .integer(5),
                "fileMode": .integer(0o640), "uid": .integer(0), "gid": .integer(0),
            ]),
        ]))
        let result = fixture.runShell(
            "for d in null zero full random urandom tty h9zero; do stat -c '%n %F %t:%T %a' /dev/$d; done;"
                + " echo ptmx=$(readlink /dev/ptmx) fd=$(readlink /dev/fd) stdin=$(readlink /dev/stdin);"
                + " echo zeros=$(head -c 4 /dev/h9zero | od -An -tx1 | tr -d ' ')")
        #expect(result.status == 0, "\(result)")
        let devices = Dictionary(uniqueKeysWithValues: result.stdout.lines.filter { $0.hasPrefix("/dev/") }.map {
            ($0.words[0], $0.words.dropFirst().joined(separator: " "))
        })
        // stat prints major:minor in hex.
        let expected = [
            "/dev/null": "character special file 1:3 666", "/dev/zero": "character special file 1:5 666",
            "/dev/full": "character special file 1:7 666", "/dev/random": "character special file 1:8 666",
            "/dev/urandom": "character special file 1:9 666", "/dev/tty": "character special file 5:0 666",
            "/dev/h9zero": "character special file 1:5 640",
        ]
        for (path, description) in expected {
            #expect(devices[path] == description, "\(path): \(result)")
        }
        #expect(result.stdout.contains("ptmx=pts/ptmx fd=/proc/self/fd stdin=/proc/self/fd/0"), "\(result)")
        #expect(result.stdout.field("zeros", separator: "=") == "00000000", "\(result)")
    }

    @Test func readonlyRoot() throws {
        let fixture = try ContainerFixture("roroot")
        defer { fixture.cleanUp() }
        try fixture.useRootfsCopy()
        fixture.config.set("root", "readonly", to: .bool(true))
        let result = fixture.runShell("touch /x; touch /dev/shm/y && echo shm-writable; cat /proc/self/mounts")
        #expect(result.stderr.contains("touch: /x: Read-only file system"), "\(result)")
        #expect(result.stdout.contains("shm-writable"), "\(result)")
        #expect(Self.mountEntry("/", in: result.stdout)?.options.contains("ro") == true, "\(result)")
        #expect(access(fixture.bundle + "/rootfs/x", F_OK) != 0)
    }

    /// `ro` on an rbind leaves submounts writable (runc does the same); `rro` (mount_setattr) covers them too.
    @Test(arguments: ["ro", "rro"])
    func readOnlyBindAndItsSubmounts(_ option: String) throws {
        let fixture = try ContainerFixture("rro")
        defer { fixture.cleanUp() }
        let source = fixture.directory + "/source", submount = source + "/sub"
        mkdir(source, 0o755)
        mkdir(submount, 0o755)
        try #require(mount("swiftlet-it-rro", submount, "tmpfs", 0, nil) == 0, "mount tmpfs on \(submount)")
        defer { umount2(submount, Int32(MNT_DETACH)) }
        Self.appendMount(fixture, .members([
            "destination": .string("/mnt"), "type": .string("bind"), "source": .string(source),
            "options": .strings(["rbind", option]),
        ]))
        let result = fixture.runShell("cat /proc/self/mounts; touch /mnt/sub/x && echo sub-writable")
        #expect(Self.mountEntry("/mnt", in: result.stdout)?.options.contains("ro") == true, "\(result)")
        let sub = try #require(Self.mountEntry("/mnt/sub", in: result.stdout), "\(result)")
        #expect(sub.options.contains(option == "rro" ? "ro" : "rw"), "\(sub.options)")
        #expect(result.stdout.contains("sub-writable") == (option == "ro"), "\(result)")
    }

    /// `/` is made rslave (runc's default rootfsPropagation) before anything is mounted: a mount made inside the
    /// container stays in its mount namespace.
    @Test func aMountInsideTheContainerDoesNotReachTheHost() throws {
        let fixture = try ContainerFixture("noleak")
        defer { fixture.cleanUp() }
        for set in ["bounding", "effective", "permitted"] {
            let capabilities = fixture.config["process"]?["capabilities"]?[set]?.arrayValue ?? []
            fixture.config.set("process", "capabilities", set, to: .array(capabilities + [.string("CAP_SYS_ADMIN")]))
        }
        let tag = "swiftlet-it-leak-" + String(fixture.directory.suffix(6))
        fixture.setShell("mount -t tmpfs \(tag) /mnt && echo mounted; exec sleep 1000")
        let id = fixture.makeID()
        let run = try fixture.startSwiftlet(["run", "--bundle", fixture.bundle, id])
        #expect(fixture.waitForStatus(id, "running"))
        let pid = try #require(fixture.state(id)?["pid"]?.integerValue)
        #expect(Monotonic.poll(timeoutSeconds: 5) { CLIHarness.readFile("/proc/\(pid)/mountinfo").contains(tag) })
        #expect(HostLeftovers.mounts(mentioning: tag) == [])
        _ = fixture.swiftlet(["kill", id, "KILL"])
        let result = run.wait(timeoutSeconds: 20)
        #expect(result.stdout == "mounted\n", "\(result)")
        #expect(HostLeftovers.mounts(mentioning: tag) == [])
    }

    /// A mount destination that is a symlink pointing out of the rootfs (absolute, or `..` past the root) is
    /// resolved inside the rootfs: the mount lands there, and nothing is created or mounted on the host's path.
    @Test(arguments: ["absolute", "dotdot"])
    func aSymlinkedMountDestinationStaysInsideTheRootfs(_ kind: String) throws {
        let fixture = try ContainerFixture("escape")
        defer { fixture.cleanUp() }
        try fixture.useRootfsCopy()
        let outside = fixture.directory + "/outside"
        let target = kind == "absolute" ? outside : String(repeating: "../", count: 12) + String(outside.dropFirst())
        try #require(symlink(target, fixture.bundle + "/rootfs/escape") == 0)
        let source = fixture.directory + "/source"
        mkdir(source, 0o755)
        CLIHarness.writeFile(source + "/marker", "bound\n")
        Self.appendMount(fixture, .members([
            "destination": .string("/escape"), "type": .string("bind"), "source": .string(source), "options": .strings(["rbind"]),
        ]))
        let result = fixture.runShell("cat /escape/marker")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "bound\n", "\(result)")
        #expect(access(outside, F_OK) != 0, "\(outside) was created on the host")
        #expect(access(fixture.bundle + "/rootfs" + outside + "/marker", F_OK) != 0, "the mount point is inside the rootfs, its content only in the container")
        #expect(access(fixture.bundle + "/rootfs" + outside, F_OK) == 0, "the mount point was made inside the rootfs")
    }

    /// `--no-pivot` (MS_MOVE + chroot instead of pivot_root) gives the same view: the rootfs is `/`, read-only as asked.
    @Test func noPivotStillConfinesToTheRootfs() throws {
        let fixture = try ContainerFixture("nopivot")
        defer { fixture.cleanUp() }
        fixture.config.set("root", "readonly", to: .bool(true))
        fixture.setShell("cd ../../..; ls -A .; echo --; cat /etc/hostname; touch /x")
        let id = fixture.makeID()
        let result = fixture.swiftlet(["run", "--no-pivot", "--bundle", fixture.bundle, id])
        let listing = result.stdout.components(separatedBy: "--").first?.words ?? []
        #expect(Set(listing) == Set(HostLeftovers.directoryEntries(ContainerFixture.busyboxRootfs)), "\(result)")
        #expect(result.stdout.hasSuffix("--\nswiftlet\n"), "the rootfs' /etc/hostname: \(result)")
        #expect(result.stderr.contains("touch: /x: Read-only file system"), "\(result)")
        #expect(fixture.leftovers(of: id) == [])
    }
}
