import Glibc
import Testing
@testable import LinuxSys

/// NamespaceMaker: the side task makes a network namespace that is not ours, leaves its fd (close-on-exec) in our
/// table, and is reaped whether or not it is finished. Serialized: one maker at a time (its stack is static).
/// unshare needs CAP_SYS_ADMIN: root only.
@Suite(.serialized, .enabled(if: getuid() == 0, "unshare(CLONE_NEWNET) needs root"))
struct NamespaceMakerTests {
    @Test func makesANetworkNamespaceOfItsOwnAndLeavesOursAlone() throws {
        let ours = try FileSystem.status("/proc/self/ns/net")
        let made = try NamespaceMaker.start(.network).finish()
        let madeStatus = try made.status()
        #expect(madeStatus.inode != ours.inode)
        #expect(try FileSystem.status("/proc/self/ns/net").inode == ours.inode)
        #expect(fcntl(made.rawValue, F_GETFD) & FD_CLOEXEC != 0)
        // The fd is a namespace file: setns accepts it for .network (checked without joining: a wrong type fails).
        #expect(throws: SystemError.self) { try Namespaces.setns(fd: made.rawValue, kind: .uts) }
    }

    @Test func aMakerDroppedUnfinishedIsReaped() throws {
        let maker = try NamespaceMaker.start(.network)
        let task = maker.task
        _ = consume maker
        #expect(!FileSystem.exists("/proc/\(task)"), "task \(task) still exists")
        // And the next one can start (the static stack is free again).
        let next = try NamespaceMaker.start(.network)
        _ = try next.finish()
    }

    @Test func onlyNetworkIPCAndUTSAreMadeThisWay() {
        #expect(throws: SystemError.self) { _ = try NamespaceMaker.start(.pid) }
        #expect(throws: SystemError.self) { _ = try NamespaceMaker.start(.mount) }
    }
}
