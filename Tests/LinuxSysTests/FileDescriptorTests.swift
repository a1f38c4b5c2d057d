import Glibc
import Testing
@testable import LinuxSys

private func isOpen(_ fd: Int32) -> Bool { fcntl(fd, F_GETFD) != -1 }

@Test func fileDescriptorClosesOnDeinit() throws {
    var number: Int32 = -1
    do {
        let fd = try FileDescriptor.open("/proc/self/stat")
        number = fd.rawValue
        #expect(isOpen(number))
        #expect(try fd.isCloseOnExec())
    }
    #expect(!isOpen(number))
}

@Test func releaseGivesUpOwnership() throws {
    let fd = try FileDescriptor.open("/proc/self/stat")
    let number = fd.release()
    #expect(isOpen(number))
    close(number)
}

@Test func writeAllThenReadAllRoundTrips() throws {
    let pipe = try Pipe()
    let readEnd = pipe.read, writeEnd = pipe.write
    try writeEnd.writeAll("hello, pipe")
    try writeEnd.close()
    #expect(String(decoding: try readEnd.readAll(), as: UTF8.self) == "hello, pipe")
}

@Test func duplicateIsCloseOnExecAndIndependent() throws {
    let fd = try FileDescriptor.open("/proc/self/stat")
    let copy = try fd.duplicate()
    #expect(copy.rawValue != fd.rawValue)
    #expect(try copy.isCloseOnExec())
    #expect(try copy.status().inode == fd.status().inode)
}
