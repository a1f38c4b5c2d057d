import OCISpec

/// `root.path` (relative to the bundle) exists and is a directory.
enum RootfsCheck {
    static func run(_ spec: Spec, _ bundle: String, _ host: HostFacts) -> [ConfigProblem] {
        guard let root = spec.root else { return [] }
        let path = root.path.hasPrefix("/") ? root.path : bundle + "/" + root.path
        switch host.pathKind(path) {
        case .directory: return []
        case .missing: return [.error("root.path", "rootfs \(path) does not exist")]
        case .other: return [.error("root.path", "rootfs \(path) is not a directory")]
        }
    }
}
