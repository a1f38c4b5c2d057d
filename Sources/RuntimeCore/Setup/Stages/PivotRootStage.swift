import LinuxSys
import Glibc

/// Makes the rootfs "/". pivot_root(".", ".") stacks the old root under the new one; it is made slave and
/// detached so nothing of the host stays reachable (runc's approach). With --no-pivot: MS_MOVE + chroot.
struct PivotRootStage: SetupStage {
    let name = "pivot_root"

    func run(_ context: SetupContext) throws(SetupFailure) {
        let rootfs = context.plan.rootfs
        if context.plan.noPivot {
            try step("root.path") { () throws(SystemError) in
                try FileSystem.changeDirectory(rootfs)
                try Mounts.mount(source: rootfs, target: "/", type: nil, flags: .move)
                try FileSystem.changeRoot(".")
                try FileSystem.changeDirectory("/")
            }
            return
        }
        try step("root.path") { () throws(SystemError) in
            let oldRoot = try FileDescriptor.open("/", O_DIRECTORY | O_RDONLY)
            let newRoot = try FileDescriptor.open(rootfs, O_DIRECTORY | O_RDONLY)
            try newRoot.changeDirectoryHere()
            try Mounts.pivotRoot(new: ".", putOld: ".")
            // "." is now the old root, stacked on top of the new one: hide it from the host, then drop it.
            try oldRoot.changeDirectoryHere()
            try Mounts.mount(source: nil, target: ".", type: nil, flags: [.slave, .recursive])
            try Mounts.unmount(".", flags: .detach)
            try FileSystem.changeDirectory("/")
        }
    }
}
