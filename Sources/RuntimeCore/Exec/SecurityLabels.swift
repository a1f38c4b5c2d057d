import OCISpec
import LinuxSys

/// process.apparmorProfile and process.selinuxLabel of an exec'd process. Accepted in the config, but this
/// host has neither LSM, so asking for one is a clear error (runtime.md: never silently ignore a setting).
enum SecurityLabels {
    static var appArmorEnabled: Bool {
        (try? FileContents.readString("/sys/module/apparmor/parameters/enabled"))?.hasPrefix("Y") == true
    }

    static var seLinuxEnabled: Bool { FileSystem.exists("/sys/fs/selinux/enforce") }

    static func check(_ process: Process) throws(RuntimeError) {
        if let profile = process.apparmorProfile, !profile.isEmpty {
            guard appArmorEnabled else {
                throw .invalidArgument("apparmor profile \"\(profile)\" specified but AppArmor is not enabled on this system")
            }
            throw .invalidArgument("apparmor profile \"\(profile)\": applying AppArmor profiles is not supported by swiftlet yet")
        }
        if let label = process.selinuxLabel, !label.isEmpty {
            guard seLinuxEnabled else {
                throw .invalidArgument("selinux label is specified in config, but selinux is disabled or not supported")
            }
            throw .invalidArgument("selinux label \"\(label)\": applying SELinux labels is not supported by swiftlet yet")
        }
    }
}
