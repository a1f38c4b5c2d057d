import OCISpec

/// v2 hugetlb controller: hugetlb.<size>.max (+ .rsvd.max). On hybrid hosts this is where hugetlb lives.
enum V2Hugetlb: ResourceController {
    static let controller = "hugetlb"

    static func isConfigured(in resources: LinuxResources) -> Bool { resources.hugepageLimits != nil }

    static func apply(_ resources: LinuxResources, to directory: CgroupDirectory, mode: ApplyMode) throws(CgroupError) {
        for (index, limit) in (resources.hugepageLimits ?? []).enumerated() {
            let key = "linux.resources.hugepageLimits[\(index)]"
            let file = "hugetlb.\(limit.pageSize).max"
            guard directory.has(file) else {
                throw .unsupported(key + ".pageSize", "page size \(limit.pageSize) is not supported by this kernel")
            }
            try directory.write(file, String(limit.limit), key: key + ".limit")
            let reserved = "hugetlb.\(limit.pageSize).rsvd.max"
            if directory.has(reserved) { try directory.write(reserved, String(limit.limit), key: key + ".limit") }
        }
    }
}
