import OCISpec
import LinuxSys
import Glibc

/// Options of `create`/`run` that are not in config.json (runc's flags).
public struct CreateOptions: Sendable {
    public var id: String
    public var bundle: String
    public var pidFile: String?
    public var consoleSocket: String?
    public var noPivot = false
    public var noNewKeyring = false
    public var preserveFds: UInt32 = 0
    /// Socket activation: swiftlet's own LISTEN_FDS. These fds (3…) are passed on before the --preserve-fds ones,
    /// and the program gets LISTEN_FDS and LISTEN_PID (its own pid), as runc does.
    public var listenFds: UInt32 = 0

    public init(id: String, bundle: String) {
        self.id = id
        self.bundle = bundle
    }
}

/// Turns a validated Spec into a SetupPlan. Every problem is reported with its JSON path, all at once,
/// before any state, fork or mount exists — so a refused config leaves nothing behind.
enum SetupPlanBuilder {
    static func build(spec: Spec, options: CreateOptions) throws(ConfigError) -> SetupPlan {
        var problems = UnsupportedConfig.problems(in: spec)
        guard let process = spec.process else {
            throw ConfigError(problems: problems + [ConfigProblem(path: "process", message: "must be present for create")])
        }
        let rootfs = resolveRootfs(spec: spec, bundle: options.bundle, problems: &problems)
        let namespaces = planNamespaces(spec.linux, problems: &problems)
        let ownUserNamespace = namespaces.newUser || namespaces.joins.contains { $0.type == .user }
        let mounts = planMounts(spec.mounts ?? [], bundle: options.bundle, userNamespace: ownUserNamespace, problems: &problems)
        let devices = planDevices(spec.linux?.devices ?? [], problems: &problems)
        problems += ambientWarnings(process.capabilities)
        let capabilities = grantable(namespaces).filter(process.capabilities)
        // The error message holds the errors only; warnings go to the log. Debug, not warning: `runc spec`'s own
        // default has ambient capabilities that are not inheritable.
        for warning in problems where warning.severity == .warning { Log.debug("config.json: \(warning)") }
        let errors = problems.filter { $0.severity == .error }
        if !errors.isEmpty { throw ConfigError(problems: errors) }
        // config.md: a capability that cannot be granted MUST be logged as a warning (and not fail create).
        for warning in capabilities.warnings { Log.warning("config.json: \(warning)") }

        let devIsBind = mounts.contains { $0.destination == "/dev" && $0.kind == .bind }
        return SetupPlan(
            id: options.id,
            bundle: options.bundle,
            rootfs: rootfs,
            spec: spec,
            namespaces: namespaces,
            mounts: mounts,
            devices: devices,
            populateDev: !devIsBind,
            process: planProcess(process, capabilities: capabilities.kept, linux: spec.linux),
            hostname: spec.hostname,
            domainname: spec.domainname,
            sysctl: (spec.linux?.sysctl ?? [:]).sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) },
            maskedPaths: spec.linux?.maskedPaths ?? [],
            readonlyPaths: spec.linux?.readonlyPaths ?? [],
            rootReadonly: spec.root?.readonly ?? false,
            rootPropagation: rootPropagation(spec.linux?.rootfsPropagation),
            noPivot: options.noPivot,
            noNewKeyring: options.noNewKeyring,
            preserveFds: options.preserveFds + options.listenFds,
            listenFds: options.listenFds
        )
    }

    static func resolveRootfs(spec: Spec, bundle: String, problems: inout [ConfigProblem]) -> String {
        guard let root = spec.root else {
            problems.append(ConfigProblem(path: "root", message: "must be present for create"))
            return ""
        }
        let joined = root.path.hasPrefix("/") ? root.path : bundle + "/" + root.path
        guard let resolved = realPath(joined) else {
            problems.append(ConfigProblem(path: "root.path", message: "rootfs \(joined) does not exist"))
            return joined
        }
        if (try? FileSystem.status(resolved))?.isDirectory != true {
            problems.append(ConfigProblem(path: "root.path", message: "rootfs \(resolved) is not a directory"))
        }
        return resolved
    }

    static func planNamespaces(_ linux: Linux?, problems: inout [ConfigProblem]) -> NamespacePlan {
        let list = linux?.namespaces ?? []
        var flags: Int32 = 0
        var joins: [(type: LinuxNamespaceType, path: String)] = []
        for namespace in list {
            if let path = namespace.path, !path.isEmpty {
                joins.append((namespace.type, path))
            } else {
                flags |= namespace.type.cloneFlag
            }
        }
        joins.sort { a, b in a.type == .user && b.type != .user }
        let isNew = { (type: LinuxNamespaceType) in flags & type.cloneFlag != 0 }
        let hasMount = list.contains { $0.type == .mount }
        if !hasMount {
            problems.append(ConfigProblem(
                path: "linux.namespaces",
                message: "a mount namespace is required: swiftlet never mounts the container's filesystems on the host"))
        }
        if joins.contains(where: { $0.type == .user }) && isNew(.pid) {
            problems.append(ConfigProblem(
                path: "linux.namespaces",
                message: "not supported by swiftlet: joining a user namespace by path together with a new pid namespace"))
        }
        return NamespacePlan(
            unshareFlags: flags,
            joins: joins,
            newUser: isNew(.user),
            newPID: isNew(.pid),
            newTime: isNew(.time),
            newCgroup: isNew(.cgroup),
            newMount: isNew(.mount),
            uidMappings: linux?.uidMappings ?? [],
            gidMappings: linux?.gidMappings ?? [],
            timeOffsets: linux?.timeOffsets ?? [:]
        )
    }

    static func planMounts(_ mounts: [Mount], bundle: String, userNamespace: Bool = false, problems: inout [ConfigProblem]) -> [MountPlan] {
        var plans: [MountPlan] = []
        for (index, mount) in mounts.enumerated() {
            let options = MountOptions(mount.options ?? [])
            let isBind = options.isBind || mount.type == "bind"
            var source = mount.source ?? ""
            var sourceIsDirectory = true
            if isBind {
                if !source.hasPrefix("/") { source = bundle + "/" + source }
                guard let status = try? FileSystem.status(source) else {
                    problems.append(ConfigProblem(path: "mounts[\(index)].source", message: "bind source \(source) does not exist"))
                    continue
                }
                sourceIsDirectory = status.isDirectory
            }
            var flags = options
            if isBind { flags.flags.insert(.bind) }
            plans.append(MountPlan(
                index: index,
                destination: cleanAbsolute(mount.destination),
                source: source,
                type: mount.type ?? (isBind ? "bind" : ""),
                kind: isBind ? .bind : .filesystem,
                options: flags,
                sourceIsDirectory: sourceIsDirectory,
                idmap: planIDMap(mount, index: index, options: options, isBind: isBind, userNamespace: userNamespace, problems: &problems)))
        }
        return plans
    }

    /// config.md "idmap"/"ridmap" and mounts[].uidMappings/gidMappings. Without mappings the runtime MAY use the
    /// container's user namespace mapping (swiftlet does not yet) and MUST fail when there is none.
    static func planIDMap(
        _ mount: Mount, index: Int, options: MountOptions, isBind: Bool, userNamespace: Bool, problems: inout [ConfigProblem]
    ) -> IDMapPlan? {
        let path = "mounts[\(index)]"
        let hasMappings = mount.uidMappings != nil || mount.gidMappings != nil
        guard options.idmap || hasMappings else { return nil }
        guard let uids = mount.uidMappings, let gids = mount.gidMappings, !uids.isEmpty, !gids.isEmpty else {
            if hasMappings {
                problems.append(ConfigProblem(path: path, message: "uidMappings and gidMappings must be given together"))
            } else if userNamespace {
                problems.append(ConfigProblem(path: path + ".options", message:
                    "not supported by swiftlet: idmap without uidMappings/gidMappings (the container's own mapping) is not supported yet"))
            } else {
                problems.append(ConfigProblem(path: path + ".options", message:
                    "idmap needs uidMappings and gidMappings when the container has no user namespace"))
            }
            return nil
        }
        if !isBind {
            problems.append(ConfigProblem(path: path, message: "not supported by swiftlet: idmapped mounts are only supported for bind mounts"))
        } else if userNamespace {
            problems.append(ConfigProblem(path: path, message:
                "not supported by swiftlet: idmapped mounts in a container with a user namespace are not supported yet"))
        }
        return IDMapPlan(uidMappings: uids, gidMappings: gids, recursive: (mount.options ?? []).contains("ridmap"))
    }

    /// The spec's default devices (runtime-linux.md "Default Devices"), overridden by linux.devices of the same path.
    static func planDevices(_ devices: [LinuxDevice], problems: inout [ConfigProblem]) -> [DeviceNode] {
        var nodes: [DeviceNode] = [
            ("null", 1, 3), ("zero", 1, 5), ("full", 1, 7), ("random", 1, 8), ("urandom", 1, 9), ("tty", 5, 0),
        ].map { name, major, minor in
            DeviceNode(path: "/dev/\(name)", kind: .char, major: major, minor: minor, mode: 0o666, uid: 0, gid: 0,
                       configPath: "runtime-linux.md default device /dev/\(name)")
        }
        for (index, device) in devices.enumerated() {
            let path = "linux.devices[\(index)]"
            let kind: DeviceNode.Kind
            switch device.type {
            case .char, .unbufferedChar: kind = .char
            case .block: kind = .block
            case .fifo: kind = .fifo
            case .all:
                problems.append(ConfigProblem(path: path + ".type", message: "\"a\" is only valid in device cgroup rules"))
                continue
            }
            let node = DeviceNode(
                path: cleanAbsolute(device.path), kind: kind,
                major: UInt32(truncatingIfNeeded: device.major ?? 0), minor: UInt32(truncatingIfNeeded: device.minor ?? 0),
                mode: (device.fileMode ?? 0o666) & 0o7777, uid: device.uid ?? 0, gid: device.gid ?? 0, configPath: path)
            nodes.removeAll { $0.path == node.path }
            nodes.append(node)
        }
        return nodes
    }

    /// What the container's process can be given: everything of a new or joined user namespace, otherwise
    /// only what the runtime holds.
    static func grantable(_ namespaces: NamespacePlan) -> GrantableCapabilities {
        let ownUserNamespace = namespaces.newUser || namespaces.joins.contains { $0.type == .user }
        return ownUserNamespace ? .knownToKernel() : .heldByRuntime()
    }

    static func planProcess(_ process: Process, capabilities: LinuxCapabilities?, linux: Linux?) -> ProcessPlan {
        ProcessPlan(
            args: process.args ?? [],
            env: process.env ?? [],
            cwd: process.cwd,
            uid: process.user.uid,
            gid: process.user.gid,
            additionalGids: process.user.additionalGids ?? [],
            umask: process.user.umask,
            capabilities: CapabilityPlan(capabilities),
            rlimits: (process.rlimits ?? []).map { (type: $0.type, soft: $0.soft, hard: $0.hard) },
            noNewPrivileges: process.noNewPrivileges ?? false,
            oomScoreAdj: process.oomScoreAdj,
            personality: linux?.personality.map { UInt($0.domain.kernelValue) },
            scheduler: process.scheduler,
            ioPriority: process.ioPriority,
            cpuAffinityInitial: process.execCPUAffinity?.initial,
            cpuAffinityFinal: process.execCPUAffinity?.final)
    }

    /// capabilities(7): an ambient capability must also be permitted and inheritable, or the kernel refuses it.
    static func ambientWarnings(_ caps: LinuxCapabilities?) -> [ConfigProblem] {
        guard let caps else { return [] }
        let usable = Set(caps.permitted ?? []).intersection(caps.inheritable ?? [])
        return (caps.ambient ?? []).enumerated().filter { !usable.contains($0.element) }.map {
            ConfigProblem(path: "process.capabilities.ambient[\($0.offset)]",
                          message: "\($0.element.rawValue) is not both permitted and inheritable: not raised", severity: .warning)
        }
    }

    static func rootPropagation(_ propagation: MountPropagation?) -> MountFlags {
        guard let propagation else { return [.slave, .recursive] }
        let base: MountFlags
        switch propagation.rawValue.hasPrefix("r") ? String(propagation.rawValue.dropFirst()) : propagation.rawValue {
        case "shared": base = .shared
        case "private": base = .private
        case "unbindable": base = .unbindable
        default: base = .slave
        }
        return propagation.isRecursive ? base.union(.recursive) : base
    }

    /// Lexically cleaned absolute path ("a/../b" → "/b"); resolution against the rootfs happens later, in the child.
    static func cleanAbsolute(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return PathText.absolute(parts)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = Glibc.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
