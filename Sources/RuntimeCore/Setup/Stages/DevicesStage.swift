import LinuxSys
import Glibc

/// /dev: the spec's default devices and linux.devices (runtime-linux.md "Default Devices", config-linux.md
/// "Devices"), the /dev/fd and stdio links, and /dev/ptmx → pts/ptmx. In a user namespace mknod is not
/// allowed, so the host's node is bind-mounted instead (as runc does).
struct DevicesStage: SetupStage {
    let name = "devices"

    func run(_ context: SetupContext) throws(SetupFailure) {
        let plan = context.plan
        guard plan.populateDev else { return }
        let root = try step("root.path") { () throws(SystemError) in
            try FileDescriptor.open(plan.rootfs, OpenFlag.path | O_DIRECTORY)
        }
        let oldMask = FileSystem.setUmask(0)
        defer { _ = FileSystem.setUmask(oldMask) }
        for device in plan.devices {
            try create(device, root: root, bindFromHost: plan.namespaces.newUser)
        }
        let dev = try step("/dev") { () throws(SystemError) in try RootedPaths.mkdirAll(inRoot: root, path: "/dev") }
        // Two arrays, not one of (name, target) tuples: tuple metadata is built at run time (~20 µs here).
        var links = ["fd", "stdin", "stdout", "stderr"]
        var targets = ["/proc/self/fd", "/proc/self/fd/0", "/proc/self/fd/1", "/proc/self/fd/2"]
        if FileSystem.exists("/proc/kcore") { links.append("core"); targets.append("/proc/kcore") }
        for index in links.indices {
            let link = links[index], target = targets[index]
            try step("/dev/\(link)") { () throws(SystemError) in
                do throws(SystemError) { try FileSystem.makeSymbolicLink(at: dev.rawValue, link, target: target) } catch where error.errno == .EEXIST {}
            }
        }
        try step("/dev/ptmx") { () throws(SystemError) in
            do throws(SystemError) { try FileSystem.remove(at: dev.rawValue, "ptmx") } catch where error.errno == .ENOENT {}
            try FileSystem.makeSymbolicLink(at: dev.rawValue, "ptmx", target: "pts/ptmx")
        }
    }

    private func create(_ device: DeviceNode, root: borrowing FileDescriptor, bindFromHost: Bool) throws(SetupFailure) {
        let (parentPath, nodeName) = PathText.parentAndName(device.path)
        try step(device.configPath) { () throws(SystemError) in
            let parent = try RootedPaths.mkdirAll(inRoot: root, path: parentPath)
            if !bindFromHost {
                do throws(SystemError) {
                    try FileSystem.makeNode(at: parent.rawValue, nodeName, mode: typeBits(device.kind) | device.mode,
                                            device: DeviceNumber.make(major: device.major, minor: device.minor))
                } catch where error.errno == .EEXIST {
                    // config-linux.md "Devices": something else already at the path is an error; the same node is fine.
                    let existing = try FileSystem.linkStatus(at: parent.rawValue, nodeName)
                    guard existing.mode & 0o170000 == typeBits(device.kind),
                          existing.specialDeviceMajor == device.major, existing.specialDeviceMinor == device.minor else {
                        throw SystemError(op: "mknod (a different file already exists)", path: device.path, errno: .EEXIST)
                    }
                    return
                } catch where error.errno == .EPERM {
                    try bindHostNode(device, root: root)
                    return
                }
                try FileSystem.changeOwner(at: parent.rawValue, nodeName, uid: device.uid, gid: device.gid)
            } else {
                try bindHostNode(device, root: root)
            }
        }
    }

    private func bindHostNode(_ device: DeviceNode, root: borrowing FileDescriptor) throws(SystemError) {
        let target = try RootedPaths.createFile(inRoot: root, path: device.path, mode: 0)
        do { try Mounts.mount(source: device.path, target: target.procPath(), type: nil, flags: .bind) } catch {
            // Name the host's node (the only way in a user namespace), not the /proc/self/fd target.
            throw SystemError(op: "bind-mount host device", path: device.path, errno: error.errno)
        }
    }

    private func typeBits(_ kind: DeviceNode.Kind) -> UInt32 {
        switch kind {
        case .char: return 0o020000
        case .block: return 0o060000
        case .fifo: return 0o010000
        }
    }
}
