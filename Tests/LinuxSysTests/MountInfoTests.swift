import Testing
@testable import LinuxSys

@Test func parsesMountInfoLineWithOptionalFields() throws {
    let line = "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 shared:7 - ext3 /dev/root rw,errors=continue"
    let info = try #require(MountInfo.parse(line: line))
    #expect(info.mountID == 36)
    #expect(info.parentID == 35)
    #expect(info.major == 98 && info.minor == 0)
    #expect(info.root == "/mnt1")
    #expect(info.mountPoint == "/mnt2")
    #expect(info.options == ["rw", "noatime"])
    #expect(info.optionalFields == ["master:1", "shared:7"])
    #expect(info.isShared && info.isSlave && !info.isReadOnly)
    #expect(info.fsType == "ext3")
    #expect(info.source == "/dev/root")
    #expect(info.superOptions == ["rw", "errors=continue"])
}

@Test func parsesMountInfoWithoutOptionalFields() throws {
    let info = try #require(MountInfo.parse(line: "22 1 0:21 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw"))
    #expect(info.optionalFields.isEmpty)
    #expect(info.mountPoint == "/proc")
    #expect(info.fsType == "proc")
}

@Test func unescapesOctalSequences() throws {
    let line = #"40 22 0:50 /a\040b /mnt/with\040space\011tab\134back ro - tmpfs my\040src rw"#
    let info = try #require(MountInfo.parse(line: line))
    #expect(info.root == "/a b")
    #expect(info.mountPoint == "/mnt/with space\ttab\\back")
    #expect(info.source == "my src")
    #expect(info.isReadOnly)
}

@Test func rejectsMalformedMountInfo() {
    #expect(MountInfo.parse(line: "") == nil)
    #expect(MountInfo.parse(line: "1 2 3:4 / /x rw ext4 /dev/x rw") == nil)  // no separator
    #expect(MountInfo.parse(line: "x 2 3:4 / /x rw - ext4 /dev/x rw") == nil)
}

@Test func readsOwnMountInfo() throws {
    let mounts = try MountInfo.read()
    #expect(mounts.contains { $0.mountPoint == "/" })
    #expect(mounts.contains { $0.mountPoint == "/proc" && $0.fsType == "proc" })
}
