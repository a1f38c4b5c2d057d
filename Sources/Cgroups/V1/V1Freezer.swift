import Glibc

/// v1 freezer: freezer.state FROZEN/THAWED. Freezing passes through FREEZING; wait until the kernel says FROZEN.
enum V1Freezer {
    static let controller = "freezer"

    static func freeze(_ directory: CgroupDirectory) throws(CgroupError) {
        try directory.write("freezer.state", "FROZEN")
        for attempt in 0..<1000 {
            if try directory.read("freezer.state") == "FROZEN" { return }
            // A task stuck in an uninterruptible sleep can hold FREEZING; re-asking kicks it (runc does the same).
            if attempt % 25 == 24 { try directory.write("freezer.state", "FROZEN") }
            usleep(1000)
        }
        try? directory.write("freezer.state", "THAWED")
        throw CgroupError(op: "freeze", file: directory.file("freezer.state"), reason: "cgroup did not reach FROZEN in 1s")
    }

    static func thaw(_ directory: CgroupDirectory) throws(CgroupError) {
        try directory.write("freezer.state", "THAWED")
    }

    static func isFrozen(_ directory: CgroupDirectory) -> Bool {
        (try? directory.read("freezer.state")) == "FROZEN"
    }
}
