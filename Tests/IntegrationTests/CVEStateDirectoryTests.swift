import Glibc
import OCISpec
import Testing

/// The state directory holds the exec fifo and the state that `start`, `kill` and `delete` trust: nobody but its
/// owner (root) may enter or write it.
@Suite(.enabled(if: ContainerFixture.isAvailable, ContainerFixture.requirement))
struct CVEStateDirectoryTests {
    @Test func stateDirectoriesAreOwnerOnly() throws {
        let fixture = try ContainerFixture("cve-state")
        defer { fixture.cleanUp() }
        SafetySupport.sleeper(fixture, marker: "cve-state-\(getpid())")
        let id = fixture.makeID()
        try #require(fixture.swiftlet(["create", "--bundle", fixture.bundle, id]).status == 0)
        let directory = fixture.root + "/" + id
        #expect(CVESupport.mode(fixture.root) == 0o700)
        #expect(CVESupport.mode(directory) == 0o700)
        let stateMode = try #require(CVESupport.mode(directory + "/state.json"))
        #expect(stateMode & 0o022 == 0, "state.json is \(String(stateMode, radix: 8))")
        var status = stat()
        #expect(lstat(directory, &status) == 0 && status.st_uid == 0)
        for entry in HostLeftovers.directoryEntries(directory) {
            #expect(!entry.hasSuffix(".tmp"), "temp file left: \(entry)")
        }
    }

    /// A pre-existing root with loose permissions is not silently trusted as is: either it is tightened or the
    /// containers under it are still unreachable for others (each container directory is 0700).
    @Test func containerDirectoriesStayPrivateUnderALooseRoot() throws {
        let fixture = try ContainerFixture("cve-state-loose")
        defer { fixture.cleanUp() }
        mkdir(fixture.root, 0o777)
        chmod(fixture.root, 0o777)
        SafetySupport.sleeper(fixture, marker: "cve-loose-\(getpid())")
        let id = fixture.makeID()
        try #require(fixture.swiftlet(["create", "--bundle", fixture.bundle, id]).status == 0)
        #expect(CVESupport.mode(fixture.root + "/" + id) == 0o700)
    }
}
