import Cgroups
import OCISpec

/// linux.resources values that runc deliberately ignores on this host (kernel memory on kernels that dropped it,
/// …): not errors, but `check` says so, with the key. The list itself lives in Cgroups' `IgnoredResources`.
enum IgnoredResourcesCheck {
    static func run(_ spec: Spec, _ bundle: String, _ host: HostFacts) -> [ConfigProblem] {
        guard let resources = spec.linux?.resources, let layout = try? CgroupLayout.detect() else { return [] }
        return IgnoredResources.warnings(for: resources, layout: layout).map {
            ConfigProblem(path: $0.key, message: "ignored on this host: \($0.reason)", severity: .warning)
        }
    }
}
