import Testing
@testable import LinuxSys

@Test func errnoTextsMatchGo() {
    #expect(Errno.ENOENT.description == "no such file or directory")
    #expect(Errno.EACCES.description == "permission denied")
    #expect(Errno.EPERM.description == "operation not permitted")
    #expect(Errno.EEXIST.description == "file exists")
    #expect(Errno.EBUSY.description == "device or resource busy")
    #expect(Errno.ESRCH.description == "no such process")
}

@Test func errnoOutsideTableFallsBackToLowercasedStrerror() {
    // EPROTO (71) is not in the pinned table: glibc says "Protocol error".
    #expect(Errno(71).description == "protocol error")
}

@Test func systemErrorRendersLikeGo() {
    #expect(SystemError(op: "mount", path: "/proc", errno: .EACCES).description == "mount /proc: permission denied")
    #expect(SystemError(op: "setns", errno: .EINVAL).description == "setns: invalid argument")
}

@Test func failedOpenCarriesPathAndErrno() {
    do {
        _ = try FileDescriptor.open("/nonexistent/swiftlet-test")
        Issue.record("open should have failed")
    } catch {
        #expect(error.errno == .ENOENT)
        #expect(error.description == "open /nonexistent/swiftlet-test: no such file or directory")
    }
}
