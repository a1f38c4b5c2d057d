/// root: required on Linux, with a non-empty path.
enum RootChecks {
    static func root(_ spec: Spec) -> [ConfigProblem] {
        guard let root = spec.root else {
            return [.error("root", "missing required field (the container's root filesystem)")]
        }
        if root.path.isEmpty {
            return [.error("root.path", "must not be empty")]
        }
        return []
    }
}
