import OCISpec

/// v1 hugetlb controller: hugetlb.<size>.limit_in_bytes, and the reservation limit where the kernel has it.
enum V1Hugetlb: ResourceController {
    static let controller = "hugetlb"

    static func isConfigured(in resources: LinuxResources) -> Bool { resources.hugepageLimits != nil }

    static func apply(_ resources: LinuxResources, to directory: CgroupDirectory, mode: ApplyMode) throws(CgroupError) {
        for (index, limit) in (resources.hugepageLimits ?? []).enumerated() {
            let key = "linux.resources.hugepageLimits[\(index)]"
            let file = "hugetlb.\(limit.pageSize).limit_in_bytes"
            guard directory.has(file) else {
                throw .unsupported(key + ".pageSize", "page size \(limit.pageSize) is not supported by this kernel")
            }
            try directory.write(file, String(limit.limit), key: key + ".limit")
            // Reserved pages count too since Linux 5.7; runc keeps both limits equal.
            let reserved = "hugetlb.\(limit.pageSize).rsvd.limit_in_bytes"
            if directory.has(reserved) { try directory.write(reserved, String(limit.limit), key: key + ".limit") }
        }
    }
}
