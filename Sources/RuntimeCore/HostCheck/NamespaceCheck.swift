import OCISpec

/// Each namespace type the config asks for exists in this kernel (/proc/self/ns/<name>), and each
/// namespace to join (`path`) exists.
enum NamespaceCheck {
    static func run(_ spec: Spec, _ bundle: String, _ host: HostFacts) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        for (index, namespace) in (spec.linux?.namespaces ?? []).enumerated() {
            if !host.namespaceFiles.contains(namespace.type.procName) {
                problems.append(.error(
                    "linux.namespaces[\(index)].type",
                    "\(namespace.type.rawValue) namespaces are not supported by this kernel (no /proc/self/ns/\(namespace.type.procName))"))
            }
            if let path = namespace.path, !path.isEmpty, host.pathKind(path) == .missing {
                problems.append(.error("linux.namespaces[\(index)].path", "namespace file \(path) does not exist"))
            }
        }
        return problems
    }
}
