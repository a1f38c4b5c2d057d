import Glibc

/// A test-only crash switch: `SWIFTLET_FAULT=<point>` makes the process that reaches `FaultPoint.hit("<point>")`
/// die at once by SIGKILL, as if killed from outside at that moment. The crash-safety tests
/// (Tests/IntegrationTests/SafetyCrashPointTests.swift) use it to prove that `delete --force` and a new `create`
/// recover from every point.
///
/// Always compiled in, not behind `-D SWIFTLET_FAULTS`: `make test` drives the release binary, and a second
/// build only for the tests would test a binary nobody ships. The cost is one getenv(3) per point, and the switch
/// gives nothing away: whoever sets swiftlet's environment can already kill it.
///
/// Safe in the forked children: getenv and strcmp neither allocate nor lock.
public enum FaultPoint {
    public static let environmentVariable = "SWIFTLET_FAULT"

    /// Every point that is wired in, in lifecycle order (the tests iterate this list).
    public static let all: [String] = [
        "create.after-claim",
        "create.after-fifo",
        "create.after-clone",
        "child.before-unshare",
        "init.before-ready",
        "create.after-ready",
        "start.before-fifo-open",
        "start.after-fifo-read",
        "delete.after-kill",
    ]

    /// Dies by SIGKILL when `SWIFTLET_FAULT` names `point`; does nothing otherwise.
    public static func hit(_ point: StaticString) {
        guard let armed = getenv(environmentVariable) else { return }
        let matches = point.withUTF8Buffer { name in
            // Byte by byte up to the name's end: `armed` stops at its NUL, which no name byte equals.
            for (index, byte) in name.enumerated() where UInt8(bitPattern: armed[index]) != byte { return false }
            return armed[name.count] == 0
        }
        guard matches else { return }
        kill(getpid(), SIGKILL)
        // A pid-namespace init ignores a SIGKILL sent from inside its namespace, itself included: die anyway.
        _exit(128 + SIGKILL)
    }
}
