import Glibc
import Testing
@testable import LinuxSys

@Test func lookPathFindsFirstExecutableInPathOrder() throws {
    let tmp = TemporaryDirectory()
    try FileSystem.makeDirectory(tmp.path + "/a")
    try FileSystem.makeDirectory(tmp.path + "/b")
    try tmp.file("a/tool", mode: 0o644)          // not executable: skipped
    try tmp.file("b/tool", mode: 0o755)
    let found = try ExecutableLookup.lookPath("tool", path: "\(tmp.path)/a:\(tmp.path)/b")
    #expect(found == "\(tmp.path)/b/tool")
}

@Test func lookPathReportsGoNotFoundText() throws {
    let tmp = TemporaryDirectory()
    try FileSystem.makeDirectory(tmp.path + "/dir")   // a directory is not an executable
    do {
        _ = try ExecutableLookup.lookPath("dir", path: tmp.path)
        Issue.record("should not be found")
    } catch {
        #expect(error == .notFound(name: "dir"))
        #expect(error.description == "exec: \"dir\": executable file not found in $PATH")
    }
    #expect(throws: ExecutableLookup.Failure.notFound(name: "x")) { try ExecutableLookup.lookPath("x", path: "") }
}

@Test func lookPathWithSlashChecksOnlyThatFile() throws {
    let tmp = TemporaryDirectory()
    try tmp.file("script", mode: 0o644)
    #expect(throws: ExecutableLookup.Failure.notExecutable(name: "\(tmp.path)/script", errno: .EACCES)) {
        try ExecutableLookup.lookPath("\(tmp.path)/script", path: "/bin")
    }
    #expect(throws: ExecutableLookup.Failure.notExecutable(name: "\(tmp.path)/none", errno: .ENOENT)) {
        try ExecutableLookup.lookPath("\(tmp.path)/none", path: "/bin")
    }
    #expect(throws: ExecutableLookup.Failure.notExecutable(name: tmp.path, errno: .EISDIR)) {
        try ExecutableLookup.lookPath(tmp.path, path: "/bin")
    }
}

@Test func lookPathInsideRootResolvesLikeTheContainer() throws {
    let tmp = TemporaryDirectory()
    try FileSystem.makeDirectory(tmp.path + "/bin")
    try tmp.file("bin/sh", mode: 0o755)
    let root = try FileDescriptor.open(tmp.path, OpenFlag.path | O_DIRECTORY)
    #expect(try ExecutableLookup.lookPath("sh", path: "/usr/bin:/bin", inRoot: root.rawValue) == "/bin/sh")
    #expect(try ExecutableLookup.lookPath("/bin/sh", path: "", inRoot: root.rawValue) == "/bin/sh")
}

@Test func pathVariableFromEnvironment() {
    #expect(ExecutableLookup.pathVariable(in: ["HOME=/", "PATH=/bin:/usr/bin"]) == "/bin:/usr/bin")
    #expect(ExecutableLookup.pathVariable(in: ["HOME=/"]) == nil)
}
