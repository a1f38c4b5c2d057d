/// linux.namespaces and the fields that only make sense inside a namespace of the container's own.
enum NamespaceChecks {
    static func namespaces(_ spec: Spec) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        var firstIndex: [LinuxNamespaceType: Int] = [:]
        for (index, namespace) in spec.namespaceList.enumerated() {
            let path = indexed("linux.namespaces", index)
            if let first = firstIndex[namespace.type] {
                problems.append(.error(path + ".type", "duplicate namespace type \(quotedJSONString(namespace.type.rawValue)) (also at linux.namespaces[\(first)])"))
            } else {
                firstIndex[namespace.type] = index
            }
            if let nsPath = namespace.path, !nsPath.isEmpty, !isAbsolutePath(nsPath) {
                problems.append(.error(path + ".path", "must be an absolute path, found \(quotedJSONString(nsPath))"))
            }
        }
        return problems
    }

    /// Mappings need a user namespace; a new user namespace needs mappings (a joined one brings its own).
    static func userNamespace(_ spec: Spec) -> [ConfigProblem] {
        let uidMappings = spec.linux?.uidMappings ?? []
        let gidMappings = spec.linux?.gidMappings ?? []
        var problems: [ConfigProblem] = []
        if !spec.hasNamespace(.user) {
            if !uidMappings.isEmpty { problems.append(.error("linux.uidMappings", "requires a user namespace in linux.namespaces")) }
            if !gidMappings.isEmpty { problems.append(.error("linux.gidMappings", "requires a user namespace in linux.namespaces")) }
            return problems
        }
        if spec.createsNamespace(.user) {
            if uidMappings.isEmpty { problems.append(.error("linux.uidMappings", "a new user namespace needs uid mappings")) }
            if gidMappings.isEmpty { problems.append(.error("linux.gidMappings", "a new user namespace needs gid mappings")) }
        }
        for (name, mappings) in [("uidMappings", uidMappings), ("gidMappings", gidMappings)] {
            for (index, mapping) in mappings.enumerated() where mapping.size == 0 {
                problems.append(.error(indexed("linux.\(name)", index) + ".size", "must be greater than 0"))
            }
        }
        return problems
    }

    /// Setting a hostname outside a UTS namespace of the container's own would rename the host.
    static func hostname(_ spec: Spec) -> [ConfigProblem] {
        guard !spec.hasNamespace(.uts) else { return [] }
        var problems: [ConfigProblem] = []
        if let hostname = spec.hostname, !hostname.isEmpty {
            problems.append(.error("hostname", "requires a uts namespace in linux.namespaces"))
        }
        if let domainname = spec.domainname, !domainname.isEmpty {
            problems.append(.error("domainname", "requires a uts namespace in linux.namespaces"))
        }
        return problems
    }

    /// Offsets can only be written into a time namespace that has just been created.
    static func timeOffsets(_ spec: Spec) -> [ConfigProblem] {
        guard let offsets = spec.linux?.timeOffsets, !offsets.isEmpty else { return [] }
        var problems: [ConfigProblem] = []
        if !spec.createsNamespace(.time) {
            problems.append(.error("linux.timeOffsets", "requires a new time namespace in linux.namespaces"))
        }
        for (clock, offset) in offsets.sorted(by: { $0.key < $1.key }) {
            let path = member("linux.timeOffsets", clock)
            if clock != "boottime" && clock != "monotonic" {
                problems.append(.error(path, "unknown clock \(quotedJSONString(clock)) (boottime or monotonic)"))
            }
            if let nanosecs = offset.nanosecs, nanosecs >= 1_000_000_000 {
                problems.append(.error(path + ".nanosecs", "\(nanosecs) must be below 1000000000"))
            }
        }
        return problems
    }

    /// Moving host interfaces only makes sense into a network namespace of the container's own.
    static func netDevices(_ spec: Spec) -> [ConfigProblem] {
        guard let devices = spec.linux?.netDevices, !devices.isEmpty else { return [] }
        var problems: [ConfigProblem] = []
        if !spec.createsNamespace(.network) {
            problems.append(.error("linux.netDevices", "requires a new network namespace in linux.namespaces"))
        }
        for (hostName, device) in devices.sorted(by: { $0.key < $1.key }) {
            let path = member("linux.netDevices", hostName)
            if !isValidInterfaceName(hostName) {
                problems.append(.error(path, "invalid network interface name \(quotedJSONString(hostName))"))
            }
            if let name = device.name, !isValidInterfaceName(name) {
                problems.append(.error(path + ".name", "invalid network interface name \(quotedJSONString(name))"))
            }
        }
        return problems
    }

    /// The kernel's dev_valid_name(): 1…15 bytes, not "." or "..", no '/', ':' or whitespace.
    static func isValidInterfaceName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count < 16, name != ".", name != ".." else { return false }
        return !name.utf8.contains { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ":") || $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
    }
}
