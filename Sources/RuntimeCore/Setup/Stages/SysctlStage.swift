import LinuxSys

/// linux.sysctl, written under the container's /proc/sys (validation allowed only namespaced keys).
struct SysctlStage: SetupStage {
    let name = "sysctl"

    func run(_ context: SetupContext) throws(SetupFailure) {
        for (key, value) in context.plan.sysctl {
            let file = "/proc/sys/" + PathText.joined(key.split(separator: ".", omittingEmptySubsequences: false), separator: "/")
            try step("linux.sysctl[\"\(key)\"]") { () throws(SystemError) in try FileContents.write(file, value) }
        }
    }
}
