import OCISpec

/// Every `linux.sysctl` key exists under /proc/sys (`net.ipv4.ip_forward` → /proc/sys/net/ipv4/ip_forward).
enum SysctlCheck {
    static func run(_ spec: Spec, _ bundle: String, _ host: HostFacts) -> [ConfigProblem] {
        (spec.linux?.sysctl ?? [:]).keys.sorted().compactMap { key in
            let file = "/proc/sys/" + key.replacingDots()
            guard host.pathKind(file) == .missing else { return nil }
            return .error(pathWithKey("linux.sysctl", key), "sysctl \(key) does not exist on this host (no \(file))")
        }
    }
}

extension String {
    /// sysctl(8)'s mapping of a key to its /proc/sys path: dots become slashes.
    fileprivate func replacingDots() -> String {
        String(map { $0 == "." ? "/" : $0 })
    }
}
