import Glibc

/// Namespace identities as /proc shows them (`net:[4026531840]`), to tell a container's from the host's.
enum ContainerNamespaces {
    /// The /proc/PID/ns entry of each config.json namespace type.
    static let procName: [String: String] = [
        "pid": "pid", "network": "net", "mount": "mnt", "ipc": "ipc", "uts": "uts", "user": "user",
        "cgroup": "cgroup", "time": "time",
    ]

    /// readlink of /proc/<pid>/ns/<name> ("self" for the test process, which is in the host's namespaces).
    static func identity(pid: String, _ name: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 256)
        let count = readlink("/proc/\(pid)/ns/\(name)", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The config.json namespace types whose identity for `pid` equals the host's (or cannot be read).
    static func sharedWithHost(pid: Int32, types: [String]) -> [String] {
        types.filter { type in
            guard let name = procName[type], let container = identity(pid: String(pid), name) else { return true }
            return container == identity(pid: "self", name)
        }
    }
}
