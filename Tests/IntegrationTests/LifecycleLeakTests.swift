import Glibc
import OCISpec
import Testing

/// Repeated runs must not accumulate anything on the host.
@Suite(.enabled(if: ContainerFixture.isAvailable, ContainerFixture.requirement))
struct LifecycleLeakTests {
    @Test func twentyRunsLeaveNothingBehind() throws {
        let fixture = try ContainerFixture("leak")
        defer { fixture.cleanUp() }
        fixture.setShell("echo ran")
        var ids: [String] = []
        for _ in 0..<20 {
            let id = fixture.makeID("run")
            ids.append(id)
            let result = fixture.swiftlet(["run", "--bundle", fixture.bundle, id])
            #expect(result.status == 0 && result.stdout == "ran\n", "\(id): \(result)")
        }
        #expect(HostLeftovers.stateDirectories(in: fixture.root) == [])
        for id in ids {
            #expect(fixture.leftovers(of: id) == [], "\(id)")
        }
        #expect(HostLeftovers.mounts(mentioning: fixture.directory) == [])
    }
}
