import Glibc
import OCISpec
import Testing

/// Until `start`, the container's init is the swiftlet binary itself: nothing inside the container may read or
/// overwrite it through /proc/1/exe (the CVE-2019-5736 class). The init is made non-dumpable right after the fork.
@Suite(.enabled(if: ContainerFixture.isAvailable, ContainerFixture.requirement))
struct LifecycleIsolationTests {
    @Test func theWaitingInitsBinaryIsOutOfReachFromInside() throws {
        let fixture = try ContainerFixture("exe")
        defer { fixture.cleanUp() }
        fixture.setShell("sleep 1000")
        let id = fixture.makeID()
        try #require(fixture.swiftlet(["create", "--bundle", fixture.bundle, id]).status == 0)
        let probe = fixture.swiftlet([
            "exec", id, "sh", "-c",
            "echo name=$(grep '^Name:' /proc/1/status | cut -f2); readlink /proc/1/exe || echo readlink-refused;"
                + " head -c 4 /proc/1/exe > /dev/null || echo read-refused; (echo x >> /proc/1/exe) || echo write-refused",
        ])
        #expect(probe.stdout.contains("name=swiftlet"), "the init still waits as swiftlet: \(probe)")
        for refused in ["readlink-refused", "read-refused", "write-refused"] {
            #expect(probe.stdout.contains(refused), "\(refused): \(probe)")
        }
        #expect(fixture.state(id)?["status"]?.stringValue == "created")
    }
}
