import LinuxSys

/// hugepageLimits[].pageSize ("2MB", "1GB", "64KB"), checked before anything is written, so that a typo
/// does not first enable hugetlb in the ancestors' subtree_control.
enum HugePageSize {
    /// Kernel-supported sizes are directories /sys/kernel/mm/hugepages/hugepages-<kB>kB.
    static let sysfsDirectory = "/sys/kernel/mm/hugepages"

    /// The size in kB, if `pageSize` is spelled as the cgroup files spell it.
    static func kilobytes(_ pageSize: String) -> UInt64? {
        let units: [(String, UInt64)] = [("KB", 1), ("MB", 1024), ("GB", 1024 * 1024)]
        for (suffix, factor) in units where pageSize.hasSuffix(suffix) {
            guard let number = UInt64(pageSize.dropLast(suffix.count)), number > 0 else { return nil }
            return number * factor
        }
        return nil
    }

    static func validate(_ pageSizes: [String], sysfsDirectory: String = sysfsDirectory) throws(CgroupError) {
        let checkKernel = FileSystem.exists(sysfsDirectory)
        for (index, pageSize) in pageSizes.enumerated() {
            let key = "linux.resources.hugepageLimits[\(index)].pageSize"
            guard let kilobytes = kilobytes(pageSize) else {
                throw .unsupported(key, "invalid page size \"\(pageSize)\": use the kernel's spelling, like 2MB or 1GB")
            }
            if checkKernel && !FileSystem.exists("\(sysfsDirectory)/hugepages-\(kilobytes)kB") {
                throw .unsupported(key, "page size \(pageSize) is not supported by this kernel")
            }
        }
    }
}

