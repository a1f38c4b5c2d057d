import Glibc
import Testing
@testable import LinuxSys

@Test func mkdirAllCreatesNestedDirectories() throws {
    let tmp = TemporaryDirectory()
    let made = try RootedPaths.mkdirAll(inRoot: tmp.path, path: "/a/b/c", mode: 0o755)
    #expect(try made.status().isDirectory)
    #expect(try FileSystem.status(tmp.path + "/a/b/c").isDirectory)
}

@Test func mkdirAllFollowsAbsoluteSymlinkInsideRoot() throws {
    let tmp = TemporaryDirectory()
    // /mnt -> / : a naive mkdir -p of /mnt/escaped would create /escaped on the host.
    try FileSystem.makeSymbolicLink(tmp.path + "/mnt", target: "/")
    let name = "linuxsys-escape-\(getpid())"
    try RootedPaths.mkdirAll(inRoot: tmp.path, path: "/mnt/\(name)/x")
    #expect(!FileSystem.exists("/\(name)"))
    #expect(try FileSystem.status(tmp.path + "/\(name)/x").isDirectory)
}

@Test func mkdirAllClampsDotDotAtRoot() throws {
    let tmp = TemporaryDirectory()
    try RootedPaths.mkdirAll(inRoot: tmp.path, path: "../../etc/linuxsys-test")
    #expect(try FileSystem.status(tmp.path + "/etc/linuxsys-test").isDirectory)
    #expect(!FileSystem.exists("/etc/linuxsys-test"))
}

@Test func mkdirAllCreatesTargetOfDanglingSymlinkInsideRoot() throws {
    let tmp = TemporaryDirectory()
    try FileSystem.makeDirectory(tmp.path + "/var")
    try FileSystem.makeSymbolicLink(tmp.path + "/var/run", target: "../run")
    try RootedPaths.mkdirAll(inRoot: tmp.path, path: "/var/run/lock")
    #expect(try FileSystem.status(tmp.path + "/run/lock").isDirectory)
}

@Test func mkdirAllRefusesFileInTheWay() throws {
    let tmp = TemporaryDirectory()
    try tmp.file("f")
    #expect(throws: SystemError.self) { try RootedPaths.mkdirAll(inRoot: tmp.path, path: "/f/sub") }
}

@Test func mkdirAllGivesUpOnSymlinkLoops() throws {
    let tmp = TemporaryDirectory()
    try FileSystem.makeSymbolicLink(tmp.path + "/loop", target: "/loop")
    do {
        try RootedPaths.mkdirAll(inRoot: tmp.path, path: "/loop/x")
        Issue.record("loop should fail")
    } catch {
        #expect(error.errno == .ELOOP)
    }
}

@Test func createFileStaysInsideRoot() throws {
    let tmp = TemporaryDirectory()
    // On the host /var/tmp exists; inside the root it does not, and must be created there.
    try FileSystem.makeSymbolicLink(tmp.path + "/scratch", target: "/var/tmp")
    let name = "linuxsys-created-\(getpid())"
    let file = try RootedPaths.createFile(inRoot: tmp.path, path: "/scratch/\(name)")
    #expect(try file.status().isRegularFile)
    #expect(try FileSystem.status(tmp.path + "/var/tmp/\(name)").isRegularFile)
    #expect(!FileSystem.exists("/var/tmp/\(name)"))
}

@Test func createFileThroughDanglingSymlinkCreatesTargetInsideRoot() throws {
    let tmp = TemporaryDirectory()
    let name = "linuxsys-dangling-\(getpid())"
    try FileSystem.makeSymbolicLink(tmp.path + "/hosts", target: "/tmp/\(name)")
    let file = try RootedPaths.createFile(inRoot: tmp.path, path: "/hosts")
    #expect(try file.status().isRegularFile)
    #expect(try FileSystem.status(tmp.path + "/tmp/\(name)").isRegularFile)
    #expect(!FileSystem.exists("/tmp/\(name)"))
}

@Test func createFileKeepsExistingFile() throws {
    let tmp = TemporaryDirectory()
    try tmp.file("keep", contents: "data")
    let file = try RootedPaths.createFile(inRoot: tmp.path, path: "keep")
    #expect(try file.status().size == 4)
}

@Test func openat2InRootClampsAbsoluteLinks() throws {
    let tmp = TemporaryDirectory()
    try FileSystem.makeDirectory(tmp.path + "/etc")
    try tmp.file("etc/passwd", contents: "inside")
    try FileSystem.makeSymbolicLink(tmp.path + "/link", target: "/etc/passwd")
    let root = try FileDescriptor.open(tmp.path, OpenFlag.path | O_DIRECTORY)
    let inside = try root.open("link", O_RDONLY, resolve: .inRoot)
    #expect(String(decoding: try inside.readAll(), as: UTF8.self) == "inside")
    let viaDotDot = try root.open("../../../etc/passwd", O_RDONLY, resolve: .inRoot)
    #expect(String(decoding: try viaDotDot.readAll(), as: UTF8.self) == "inside")
}

@Test func openat2BeneathAndNoSymlinksRefuse() throws {
    let tmp = TemporaryDirectory()
    try FileSystem.makeSymbolicLink(tmp.path + "/link", target: "/etc/passwd")
    let root = try FileDescriptor.open(tmp.path, OpenFlag.path | O_DIRECTORY)
    #expect(throws: SystemError.self) { _ = try root.open("../x", O_RDONLY, resolve: .beneath) }
    do {
        _ = try root.open("link", O_RDONLY, resolve: .noSymlinks)
        Issue.record("symlink should be refused")
    } catch {
        #expect(error.errno == .ELOOP)
    }
}

/// A ".." walked in root while renames happen elsewhere fails with EAGAIN in the kernel; openInRoot retries it.
/// A child renames a file back and forth (rename_lock is machine-wide) while we open through ".." many times.
@Test func openInRootSurvivesConcurrentRenames() throws {
    let tmp = TemporaryDirectory()
    try FileSystem.makeDirectory(tmp.path + "/etc")
    try FileSystem.makeDirectory(tmp.path + "/a")
    try tmp.file("etc/passwd", contents: "inside")
    try tmp.file("x", contents: "")
    let root = try FileDescriptor.open(tmp.path, OpenFlag.path | O_DIRECTORY)
    let renamer = fork()
    if renamer == 0 {
        tmp.path.withCString { base in
            let x = strdup(String(cString: base) + "/x"), y = strdup(String(cString: base) + "/y")
            for _ in 0..<2_000_000 { rename(x, y); rename(y, x) }
        }
        _exit(0)
    }
    defer { kill(renamer, SIGKILL); var status: Int32 = 0; waitpid(renamer, &status, 0) }
    usleep(20_000)
    var failures: [String] = []
    for _ in 0..<30000 {
        do { _ = try root.openInRoot("a/../a/../a/../a/../a/../a/../etc/passwd", O_RDONLY) } catch { failures.append("\(error)") }
    }
    #expect(failures.isEmpty, "\(failures.count) failed, first: \(failures.first ?? "")")
}
