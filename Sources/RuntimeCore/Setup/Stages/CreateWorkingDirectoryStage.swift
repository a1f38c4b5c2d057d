import LinuxSys
import Glibc

/// A process.cwd missing from the rootfs is created (0755, as root), as runc does — inside the rootfs
/// (resolved there, no symlink out of it) and before pivot_root and root.readonly.
struct CreateWorkingDirectoryStage: SetupStage {
    let name = "cwd"

    func run(_ context: SetupContext) throws(SetupFailure) {
        let plan = context.plan
        try step("process.cwd") { () throws(SystemError) in
            let root = try FileDescriptor.open(plan.rootfs, OpenFlag.path | O_DIRECTORY)
            // Only what is really missing: an existing path, or one through a magic link (/proc/self/fd/N, which
            // the cwd stage refuses), is left alone rather than "created" somewhere in the rootfs.
            do throws(SystemError) { _ = try root.openInRoot(plan.process.cwd) } catch where error.errno == .ENOENT {
                _ = try RootedPaths.mkdirAll(inRoot: root, path: plan.process.cwd)
            } catch {}
        }
    }
}
