import Glibc
import LinuxSys
import OCISpec
import Testing

@testable import RuntimeCore

@Test func rootIsCreatedPrivate() throws {
    let temp = TemporaryDirectory()
    defer { temp.remove() }
    let store = try StateStore(root: temp.path + "/a/b")
    let status = try FileSystem.status(store.root)
    #expect(status.isDirectory)
    #expect(status.permissions == 0o700)
}

@Test func claimWritesStateAndReadReturnsIt() throws {
    let temp = TemporaryDirectory()
    defer { temp.remove() }
    let store = try StateStore(root: temp.path)
    let record = sampleRecord(id: "c1")
    let lock = try store.claim(record)
    #expect(try lock.read() == record)
    #expect(try store.read(id: "c1") == record)
    #expect(try FileSystem.status(store.directory(of: "c1")).permissions == 0o700)
    _ = consume lock
}

@Test func claimingATakenIdIsRuncsAlreadyExists() throws {
    let temp = TemporaryDirectory()
    defer { temp.remove() }
    let store = try StateStore(root: temp.path)
    let first = try store.claim(sampleRecord(id: "c1"))
    #expect(throws: RuntimeError.self) { _ = try store.claim(sampleRecord(id: "c1")) }
    do {
        _ = try store.claim(sampleRecord(id: "c1"))
    } catch {
        #expect(error.description == "container with given ID already exists")
    }
    _ = consume first
}

@Test func invalidIdsAreRefusedBeforeTouchingTheDisk() throws {
    let temp = TemporaryDirectory()
    defer { temp.remove() }
    let store = try StateStore(root: temp.path)
    for id in ["../escape", "a/b", "..", ""] {
        do {
            _ = try store.claim(sampleRecord(id: id))
            Issue.record("claimed \(id)")
        } catch {
            #expect(error.description == "invalid container ID format")
        }
    }
    #expect(try store.list().isEmpty)
}

@Test func tenParallelClaimsOfOneIdHaveExactlyOneWinner() throws {
    let temp = TemporaryDirectory()
    defer { temp.remove() }
    let store = try StateStore(root: temp.path)
    let outcomes = (0..<10).map { _ in Box<String>("") }
    let threads = outcomes.map { outcome in
        TestThread {
            do {
                let lock = try store.claim(sampleRecord(id: "race"))
                outcome.value = "won"
                _ = consume lock
            } catch {
                outcome.value = String(describing: error)
            }
        }
    }
    threads.forEach { $0.join() }
    #expect(outcomes.filter { $0.value == "won" }.count == 1)
    #expect(outcomes.filter { $0.value == "container with given ID already exists" }.count == 9)
}

@Test func atomicWriteLeavesOnlyStateJSON() throws {
    let temp = TemporaryDirectory()
    defer { temp.remove() }
    let store = try StateStore(root: temp.path)
    let lock = try store.claim(sampleRecord(id: "c1"))
    var record = try lock.read()
    for pid in 1...5 {
        record.pid = Int32(pid)
        record.status = .created
        try lock.write(record)
    }
    let directory = try FileDescriptor.open(store.directory(of: "c1"), O_RDONLY | O_DIRECTORY)
    let names = try StateFileCalls.entries(ofDirectory: directory.rawValue, path: "c1").map(\.name)
    #expect(names == ["state.json"])
    #expect(try store.read(id: "c1").pid == 5)
    _ = consume lock
}

@Test func aHeldLockBlocksOtherLockers() throws {
    let temp = TemporaryDirectory()
    defer { temp.remove() }
    let store = try StateStore(root: temp.path)
    let directory = store.directory(of: "c1")
    let lock = try store.claim(sampleRecord(id: "c1"))
    // Another process (util-linux flock(1), non-blocking, exit 99 when busy) and another open file
    // description in this process both find it taken.
    #expect(runProcess(["/usr/bin/flock", "-n", "-E", "99", directory, "/bin/true"]) == 99)
    #expect(try !gotLock(store.tryLock(id: "c1")))
    _ = consume lock
    // Other tests spawn processes concurrently; a child between clone and exec briefly shares our fd
    // table (and so the lock), so allow it a moment to go away.
    var free = false
    for _ in 0..<50 where !free {
        free = runProcess(["/usr/bin/flock", "-n", "-E", "99", directory, "/bin/true"]) == 0
        if !free { usleep(20_000) }
    }
    #expect(free)
    #expect(try gotLock(store.tryLock(id: "c1")))
}

@Test func stateAndListDoNotNeedTheLock() throws {
    let temp = TemporaryDirectory()
    defer { temp.remove() }
    let store = try StateStore(root: temp.path)
    let lock = try store.claim(sampleRecord(id: "c1"))
    #expect(try store.read(id: "c1").id == "c1")
    #expect(try store.list().map(\.summary.id) == ["c1"])
    _ = consume lock
}

@Test func aLockerWaitingDuringDeleteFindsTheContainerGone() throws {
    let temp = TemporaryDirectory()
    defer { temp.remove() }
    let store = try StateStore(root: temp.path)
    let lock = try store.claim(sampleRecord(id: "c1"))
    let outcome = Box<String>("")
    let waiter = TestThread {
        do {
            let late = try store.lock(id: "c1")
            outcome.value = "locked \(late.id)"
        } catch {
            outcome.value = String(describing: error)
        }
    }
    usleep(100_000)  // let the waiter open the directory and block in flock
    try lock.remove()
    waiter.join()
    #expect(outcome.value == "container does not exist")
    #expect(!FileSystem.exists(store.directory(of: "c1")))
}

@Test func removeDeletesContentsAndDirectory() throws {
    let temp = TemporaryDirectory()
    defer { temp.remove() }
    let store = try StateStore(root: temp.path)
    let lock = try store.claim(sampleRecord(id: "c1"))
    try FileSystem.makeFIFO(at: lock.directoryFD, "exec.fifo")
    try FileSystem.makeDirectory(at: lock.directoryFD, "sub")
    try FileSystem.makeFIFO(at: lock.directoryFD, "sub/f")
    try lock.remove()
    #expect(!FileSystem.exists(store.directory(of: "c1")))
    do {
        _ = try store.read(id: "c1")
        Issue.record("read a removed container")
    } catch {
        #expect(error.description == "container does not exist")
    }
}

@Test func unknownContainerIsRuncsDoesNotExist() throws {
    let temp = TemporaryDirectory()
    defer { temp.remove() }
    let store = try StateStore(root: temp.path)
    #expect(throws: RuntimeError.self) { _ = try store.lock(id: "nosuch") }
    do {
        _ = try store.read(id: "nosuch")
    } catch {
        #expect(error.description == "container does not exist")
    }
}

@Test func listSkipsEntriesThatAreNotContainers() throws {
    let temp = TemporaryDirectory()
    defer { temp.remove() }
    let store = try StateStore(root: temp.path)
    let good = try store.claim(sampleRecord(id: "good"))
    _ = consume good
    try FileSystem.makeDirectory(temp.path + "/no-state", mode: 0o700)
    try FileSystem.makeDirectory(temp.path + "/garbage", mode: 0o700)
    try FileContents.write(temp.path + "/garbage/state.json", "{not json", flags: O_WRONLY | O_CREAT)
    try FileSystem.makeDirectory(temp.path + "/half", mode: 0o700)
    try FileContents.write(temp.path + "/half/state.json", "{\"id\":\"half\"}", flags: O_WRONLY | O_CREAT)
    try FileContents.write(temp.path + "/.state.json.42.tmp", "{", flags: O_WRONLY | O_CREAT)
    try FileSystem.makeDirectory(temp.path + "/bad id", mode: 0o700)
    let listed = try store.list()
    #expect(listed.map(\.summary.id) == ["good"])
    #expect(listed.first?.ownerName == "root" || getuid() != 0)
}

@Test func anAbandonedClaimHasNoStateAndCanBeRemoved() throws {
    let temp = TemporaryDirectory()
    defer { temp.remove() }
    let store = try StateStore(root: temp.path)
    try FileSystem.makeDirectory(store.directory(of: "orphan"), mode: 0o700)  // mkdir, then the creator died
    let lock = try store.lock(id: "orphan")
    let orphanHasState = lock.hasState  // #expect cannot take a ~Copyable operand
    #expect(!orphanHasState)
    try lock.remove()
    let again = try store.claim(sampleRecord(id: "orphan"))
    let claimedHasState = again.hasState
    #expect(claimedHasState)
}
