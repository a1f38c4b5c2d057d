import Glibc
import OCISpec
import Testing

@testable import RuntimeCore

/// A fresh directory under /tmp, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() {
        var template = Array("/tmp/swiftlet-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func remove() { _ = runProcess(["/bin/rm", "-rf", path]) }
}

/// Runs a program (no shell) and returns its exit status; -1 when it could not be started.
func runProcess(_ argv: [String]) -> Int32 {
    var pid = pid_t()
    var cArgs = argv.map { strdup($0) } + [nil]
    defer { cArgs.forEach { free($0) } }
    guard posix_spawn(&pid, argv[0], nil, nil, &cArgs, environ) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
}

/// A real OS thread, so tests of blocking calls (flock) and races do not depend on the task pool.
final class TestThread: @unchecked Sendable {
    private let body: () -> Void
    private var thread = pthread_t()

    init(_ body: @escaping () -> Void) {
        self.body = body
        let context = Unmanaged.passRetained(self).toOpaque()
        pthread_create(&thread, nil, { raw in
            guard let raw else { return nil }
            let me = Unmanaged<TestThread>.fromOpaque(raw).takeRetainedValue()
            me.body()
            return nil
        }, context)
    }

    func join() { pthread_join(thread, nil) }
}

/// A value written by one thread and read by another after `join()` (which orders the accesses).
final class Box<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}

func sampleRecord(id: String, status: ContainerStatus = .creating, pid: Int32 = 0) -> ContainerRecord {
    ContainerRecord(
        ociVersion: "1.3.0", id: id, bundle: "/bundles/\(id)", rootfs: "/bundles/\(id)/rootfs", pid: pid,
        status: status, created: "2026-11-24T23:02:24.00101083Z", creatorPid: getpid(), creatorStartTime: 1)
}

/// Whether a `tryLock` returned a lock (which is released right away).
func gotLock(_ lock: consuming ContainerLock?) -> Bool {
    switch consume lock {
    case .some: return true
    case .none: return false
    }
}
