import Glibc

/// v2 freezer: cgroup.freeze 1/0; done once cgroup.events says "frozen 1".
enum V2Freezer {
    static func freeze(_ directory: CgroupDirectory) throws(CgroupError) {
        guard directory.has("cgroup.freeze") else {
            throw CgroupError(op: "freeze", file: directory.file("cgroup.freeze"), reason: "the kernel has no cgroup v2 freezer")
        }
        try directory.write("cgroup.freeze", "1")
        for _ in 0..<1000 {
            if isFrozen(directory) { return }
            usleep(1000)
        }
        try? directory.write("cgroup.freeze", "0")
        throw CgroupError(op: "freeze", file: directory.file("cgroup.events"), reason: "cgroup did not freeze in 1s")
    }

    static func thaw(_ directory: CgroupDirectory) throws(CgroupError) {
        try directory.write("cgroup.freeze", "0")
    }

    static func isFrozen(_ directory: CgroupDirectory) -> Bool {
        (try? directory.readKeyedValues("cgroup.events"))?["frozen"] == 1
    }
}
