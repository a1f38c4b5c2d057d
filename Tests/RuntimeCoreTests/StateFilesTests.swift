import Glibc
import LinuxSys
import OCISpec
import Testing
@testable import RuntimeCore

/// Which files hold a container's record when (StateStore's "Files"), and how a started container reads.
@Suite struct StateFilesTests {
    private func names(_ store: StateStore, _ id: String) throws -> [String] {
        let directory = try FileDescriptor.open(store.directory(of: id), O_RDONLY | O_DIRECTORY)
        return try StateFileCalls.entries(ofDirectory: directory.rawValue, path: id).map(\.name).sorted()
    }

    @Test func theClaimIsReadUntilStateJSONReplacesIt() throws {
        let temp = TemporaryDirectory()
        defer { temp.remove() }
        let store = try StateStore(root: temp.path)
        let lock = try store.claim(sampleRecord(id: "c1"))
        #expect(try names(store, "c1") == [StateStore.claimFileName])
        let hasState = lock.hasState
        #expect(hasState)
        #expect(try store.read(id: "c1").status == .creating)
        #expect(try store.list().map(\.summary.id) == ["c1"])
        var record = try lock.read()
        record.pid = 42
        try lock.write(record)
        #expect(try names(store, "c1") == [StateStore.stateFileName])
        #expect(try store.read(id: "c1").pid == 42)
        _ = consume lock
    }

    /// `start` removes the exec fifo and writes nothing: `created` without the fifo is running, for every reader.
    @Test func createdReadsAsRunningOnceTheFifoIsGone() throws {
        let temp = TemporaryDirectory()
        defer { temp.remove() }
        let store = try StateStore(root: temp.path)
        let lock = try store.claim(sampleRecord(id: "c1"))
        try lock.write(sampleRecord(id: "c1", status: .created, pid: 7))
        let fifo = store.directory(of: "c1") + "/" + CreateOperation.execFifoName
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(try store.read(id: "c1").status == .created)
        let heldRead = try lock.read().status
        #expect(heldRead == .created)
        #expect(try store.list().first?.summary.status == .created)
        try FileSystem.remove(fifo)
        #expect(try store.read(id: "c1").status == .running)
        let heldReadAfterStart = try lock.read().status
        #expect(heldReadAfterStart == .running)
        #expect(try store.list().first?.summary.status == .running)
        try lock.write(sampleRecord(id: "c1", status: .paused, pid: 7))
        #expect(try store.read(id: "c1").status == .paused)
        _ = consume lock
    }
}
