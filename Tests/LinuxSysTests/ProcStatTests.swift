import Glibc
import Testing
@testable import LinuxSys

private let tail = "S 1 100 100 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 123456 1000 10 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n"

@Test func parsesPlainStat() throws {
    let stat = try #require(ProcStat.parse("42 (sh) " + tail))
    #expect(stat.pid == 42)
    #expect(stat.comm == "sh")
    #expect(stat.state == "S")
    #expect(stat.ppid == 1)
    #expect(stat.startTime == 123456)
    #expect(!stat.isZombieOrDead)
}

@Test func parsesCommWithSpacesAndParentheses() throws {
    let stat = try #require(ProcStat.parse("7 (a b) (c) ) " + tail))
    #expect(stat.comm == "a b) (c) ")
    #expect(stat.ppid == 1)
    #expect(stat.startTime == 123456)
}

@Test func zombieStateIsDetected() throws {
    let stat = try #require(ProcStat.parse("9 (z) Z" + tail.dropFirst()))
    #expect(stat.isZombieOrDead)
}

@Test func malformedStatIsRejected() {
    #expect(ProcStat.parse("") == nil)
    #expect(ProcStat.parse("12 sh S 1") == nil)
    #expect(ProcStat.parse("12 (sh) S 1 2 3") == nil)
}

@Test func readsOwnProcess() throws {
    let stat = try ProcStat.read(pid: getpid())
    #expect(stat.pid == getpid())
    #expect(stat.ppid == getppid())
    #expect(stat.startTime > 0)
}

@Test func readingMissingProcessFails() {
    #expect(throws: SystemError.self) { try ProcStat.read(pid: Int32.max) }
}
