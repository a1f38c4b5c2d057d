import LinuxSys

/// A `mounts` entry of type "cgroup" (docker, podman and `runc spec` always send one for /sys/fs/cgroup).
/// On this v1/hybrid layout: a tmpfs with each host hierarchy's directory of the container's own cgroup bound
/// under its name, read-only when the entry says "ro" — the container sees its own limits and nothing above.
enum CgroupMount {
    static func mount(_ mount: MountPlan, root: borrowing FileDescriptor, context: SetupContext, stage: some SetupStage) throws(SetupFailure) {
        let where_ = "\(mount.configPath) (\(mount.destination))"
        let readOnly = mount.options.flags.contains(.readOnly)
        try stage.step(where_) { () throws(SystemError) in
            let target = try RootedPaths.mkdirAll(inRoot: root, path: mount.destination)
            try Mounts.mount(source: "tmpfs", target: target.procPath(), type: "tmpfs",
                             flags: [.noSetuid, .noDevices, .noExec], data: "mode=755")
            let own = ownCgroups()
            for info in try MountInfo.read() where info.fsType == "cgroup" || info.fsType == "cgroup2" {
                guard info.mountPoint.hasPrefix("/sys/fs/cgroup/") else { continue }
                let name = String(info.mountPoint.dropFirst("/sys/fs/cgroup/".count))
                guard !name.contains("/"), let path = own[info.fsType == "cgroup2" ? "" : name] else { continue }
                let relative = info.root == "/" ? path : String(path.dropFirst(info.root.count))
                let source = info.mountPoint + (relative == "/" ? "" : relative)
                let directory = try RootedPaths.mkdirAll(inRoot: root, path: mount.destination + "/" + name)
                try Mounts.mount(source: source, target: directory.procPath(), type: nil, flags: [.bind, .recursive])
                if readOnly {
                    let bound = try root.openInRoot(mount.destination + "/" + name)
                    try Mounts.setAttributes(at: bound.rawValue, "", recursive: true, emptyPath: true, set: .readOnly)
                }
            }
            if readOnly {
                let top = try root.openInRoot(mount.destination)
                try Mounts.setAttributes(at: top.rawValue, "", emptyPath: true, set: .readOnly)
            }
        }
    }

    /// /proc/self/cgroup as hierarchy name → path ("memory" → "/x/y", "systemd" for name=systemd, "" for cgroup2).
    private static func ownCgroups() -> [String: String] {
        guard let text = try? FileContents.readString("/proc/self/cgroup") else { return [:] }
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            let path = String(fields[2])
            for controller in fields[1].split(separator: ",", omittingEmptySubsequences: false) {
                let name = controller.hasPrefix("name=") ? String(controller.dropFirst(5)) : String(controller)
                result[name] = path
            }
        }
        return result
    }
}
