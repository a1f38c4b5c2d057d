/// mounts, linux.maskedPaths, linux.readonlyPaths.
enum MountChecks {
    /// Options that are mount flags (or propagation, or runtime extensions) rather than filesystem data.
    static let flagOptions: Set<String> = [
        "acl", "async", "atime", "bind", "defaults", "dev", "diratime", "dirsync", "exec", "iversion", "lazytime",
        "loud", "mand", "noacl", "noatime", "nodev", "nodiratime", "noexec", "noiversion", "nolazytime", "nomand",
        "norelatime", "nostrictatime", "nosuid", "nosymfollow", "ratime", "rbind", "rdev", "rdiratime", "relatime",
        "remount", "rexec", "rnoatime", "rnodev", "rnodiratime", "rnoexec", "rnorelatime", "rnostrictatime", "rnosuid",
        "rnosymfollow", "ro", "rrelatime", "rro", "rrw", "rstrictatime", "rsuid", "rsymfollow", "rw", "silent",
        "strictatime", "suid", "symfollow", "sync", "tmpcopyup", "idmap", "ridmap",
    ]

    static func mounts(_ spec: Spec) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        for (index, mount) in (spec.mounts ?? []).enumerated() {
            let path = indexed("mounts", index)
            if mount.destination.isEmpty {
                problems.append(.error(path + ".destination", "must not be empty"))
            } else if !isAbsolutePath(mount.destination) {
                // runc 1.1 accepts a relative destination (taken relative to the rootfs), so only warn.
                problems.append(.warning(path + ".destination", "should be an absolute path, found \(quotedJSONString(mount.destination))"))
            }
            problems += optionProblems(mount, path: path)
        }
        return problems
    }

    /// A bind mount passes no filesystem data, so an option that is not a flag is a typo (e.g. "rpivate").
    static func optionProblems(_ mount: Mount, path: String) -> [ConfigProblem] {
        let options = mount.options ?? []
        let isBind = mount.type == "bind" || options.contains("bind") || options.contains("rbind")
        guard isBind else { return [] }
        var problems: [ConfigProblem] = []
        for (index, option) in options.enumerated() {
            if flagOptions.contains(option) || MountPropagation(rawValue: option) != nil || option.contains("=") { continue }
            problems.append(.warning(indexed(path + ".options", index), "unknown option \(quotedJSONString(option)) for a bind mount is ignored"))
        }
        return problems
    }

    static func maskedAndReadonlyPaths(_ spec: Spec) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        for (name, paths) in [("maskedPaths", spec.linux?.maskedPaths ?? []), ("readonlyPaths", spec.linux?.readonlyPaths ?? [])] {
            for (index, entry) in paths.enumerated() where !isAbsolutePath(entry) {
                problems.append(.error(indexed("linux.\(name)", index), "must be an absolute path, found \(quotedJSONString(entry))"))
            }
        }
        return problems
    }
}
