import Glibc
import Testing
@testable import LinuxSys

@Test func socketPairKeepsMessageBoundaries() throws {
    let pair = try SocketPair()
    try pair.first.send([1, 2, 3])
    try pair.first.send([4])
    #expect(try pair.second.receive() == [1, 2, 3])
    #expect(try pair.second.receive() == [4])
}

@Test func passesFileDescriptorsOverSocketPair() throws {
    let tmp = TemporaryDirectory()
    try tmp.file("payload", contents: "through the socket")
    let pair = try SocketPair()
    let file = try FileDescriptor.open(tmp.path + "/payload")
    let pipe = try Pipe()
    try pair.first.sendFileDescriptors([file.rawValue, pipe.write.rawValue], payload: Array("hi".utf8))

    var received = try pair.second.receiveFileDescriptors()
    #expect(received.payload == Array("hi".utf8))
    #expect(received.count == 2)
    guard let gotFile = received.take(0), let gotPipe = received.take(1) else {
        Issue.record("two descriptors expected")
        return
    }
    #expect(gotFile.rawValue != file.rawValue)
    #expect(try gotFile.isCloseOnExec())
    #expect(String(decoding: try gotFile.readAll(), as: UTF8.self) == "through the socket")
    try gotPipe.writeAll("x")
    #expect(try pipe.read.read(upTo: 1) == Array("x".utf8))
    let again = received.take(1)
    var taken = false
    if let again { _ = again.release(); taken = true }
    #expect(!taken)
}

@Test func connectsToLongUnixSocketPath() throws {
    let tmp = TemporaryDirectory()
    var directory = tmp.path
    while directory.utf8.count < 120 {
        directory += "/deep-directory-name"
        try FileSystem.makeDirectory(directory)
    }
    let path = directory + "/console.sock"
    let listenerDirectory = try FileDescriptor.open(directory, OpenFlag.path | O_DIRECTORY)
    // Bind through the same /proc/self/fd trick, since the long path does not fit sun_path either.
    let listener = try UnixSocket.listen(path: "/proc/self/fd/\(listenerDirectory.rawValue)/console.sock")
    let client = try UnixSocket.connect(path: path)
    let server = try UnixSocket.accept(listener)
    try client.writeAll("ping")
    #expect(try server.read(upTo: 4) == Array("ping".utf8))
}

@Test func exclusiveLockExcludesOtherOpenFiles() throws {
    let tmp = TemporaryDirectory()
    try tmp.file("lock")
    let holder = try FileDescriptor.open(tmp.path + "/lock")
    let other = try FileDescriptor.open(tmp.path + "/lock")
    try holder.lock(.exclusive)
    #expect(try other.tryLock(.exclusive) == false)
    #expect(try other.tryLock(.shared) == false)
    do {
        try other.lock(.exclusive, wait: false)
        Issue.record("lock should be busy")
    } catch {
        #expect(error.errno == .EWOULDBLOCK)
    }
    try holder.unlock()
    #expect(try other.tryLock(.exclusive))
}

@Test func sharedLocksCoexist() throws {
    let tmp = TemporaryDirectory()
    try tmp.file("lock")
    let a = try FileDescriptor.open(tmp.path + "/lock")
    let b = try FileDescriptor.open(tmp.path + "/lock")
    try a.lock(.shared)
    #expect(try b.tryLock(.shared))
    let c = try FileDescriptor.open(tmp.path + "/lock")
    #expect(try c.tryLock(.exclusive) == false)
}

@Test func closeRangeMarksCloseOnExec() throws {
    let pipe = try Pipe()
    try pipe.read.setCloseOnExec(false)
    #expect(try pipe.read.isCloseOnExec() == false)
    let fd = UInt32(pipe.read.rawValue)
    try FileDescriptors.closeRange(first: fd, last: fd, cloexec: true)
    #expect(try pipe.read.isCloseOnExec())
}
