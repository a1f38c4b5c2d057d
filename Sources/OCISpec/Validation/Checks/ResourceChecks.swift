/// linux.resources: values the kernel would refuse, caught before any cgroup is touched.
enum ResourceChecks {
    static func memory(_ spec: Spec) -> [ConfigProblem] {
        guard let memory = spec.linux?.resources?.memory else { return [] }
        var problems: [ConfigProblem] = []
        let byteFields: [(String, Int64?)] = [
            ("limit", memory.limit), ("reservation", memory.reservation), ("swap", memory.swap),
            ("kernel", memory.kernel), ("kernelTCP", memory.kernelTCP),
        ]
        for (name, value) in byteFields {
            if let value, value < -1 {
                problems.append(.error("linux.resources.memory.\(name)", "\(value) must be -1 (unlimited) or a byte count"))
            }
        }
        // swap is memory+swap, so it cannot be below the memory limit.
        if let limit = memory.limit, let swap = memory.swap, limit > 0, swap > 0, swap < limit {
            problems.append(.error("linux.resources.memory.swap", "\(swap) is below the memory limit \(limit) (swap counts memory plus swap)"))
        }
        if let swappiness = memory.swappiness, swappiness > 100 {
            problems.append(.error("linux.resources.memory.swappiness", "\(swappiness) is outside 0…100"))
        }
        return problems
    }

    static func cpu(_ spec: Spec) -> [ConfigProblem] {
        guard let cpu = spec.linux?.resources?.cpu else { return [] }
        var problems: [ConfigProblem] = []
        // The kernel's CFS bandwidth period bounds: 1ms…1s.
        if let period = cpu.period, period != 0, !(1000...1_000_000).contains(period) {
            problems.append(.error("linux.resources.cpu.period", "\(period) is outside 1000…1000000 microseconds"))
        }
        if let quota = cpu.quota, quota != -1, quota < 1000, quota != 0 {
            problems.append(.error("linux.resources.cpu.quota", "\(quota) must be -1 (unlimited) or at least 1000 microseconds"))
        }
        for (name, list) in [("cpus", cpu.cpus), ("mems", cpu.mems)] {
            if let list, !isValidCPUList(list) {
                problems.append(.error("linux.resources.cpu.\(name)", "invalid list \(quotedJSONString(list)) (expected e.g. \"0-3,7\")"))
            }
        }
        return problems
    }

    /// pageSize is "<number><K|M|G>B", as the hugetlb controller names its files.
    static func hugepageLimits(_ spec: Spec) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        for (index, limit) in (spec.linux?.resources?.hugepageLimits ?? []).enumerated() where !isValidPageSize(limit.pageSize) {
            problems.append(.error(indexed("linux.resources.hugepageLimits", index) + ".pageSize", "invalid page size \(quotedJSONString(limit.pageSize)) (expected e.g. \"2MB\", \"1GB\", \"64KB\")"))
        }
        return problems
    }

    static func isValidPageSize(_ size: String) -> Bool {
        let bytes = Array(size.utf8)
        guard bytes.count >= 3, bytes[bytes.count - 1] == UInt8(ascii: "B") else { return false }
        let unit = bytes[bytes.count - 2]
        guard unit == UInt8(ascii: "K") || unit == UInt8(ascii: "M") || unit == UInt8(ascii: "G") else { return false }
        let digits = bytes[..<(bytes.count - 2)]
        guard let first = digits.first, first != UInt8(ascii: "0") else { return false }
        return digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// unified keys are file names inside the container's cgroup: no path tricks.
    static func unified(_ spec: Spec) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        for key in (spec.linux?.resources?.unified ?? [:]).keys.sorted() {
            if key.isEmpty || key.contains("/") || key == "." || key == ".." {
                problems.append(.error(member("linux.resources.unified", key), "must be a cgroup file name (no '/')"))
            }
        }
        return problems
    }
}
