import OCISpec

/// A SetupPlan for `exec`: the container's spec with the exec'd process in place of its own, nothing to mount
/// or unshare (the namespaces are joined from the init's /proc entries instead).
enum ExecPlan {
    static func make(process: Process, spec: Spec, record: ContainerRecord, preserveFds: UInt32) -> SetupPlan {
        var spec = spec
        spec.process = process
        let namespaces = NamespacePlan(
            unshareFlags: 0, joins: [], newUser: false, newPID: false, newTime: false, newCgroup: false,
            newMount: false, uidMappings: [], gidMappings: [], timeOffsets: [:])
        return SetupPlan(
            id: record.id, bundle: record.bundle, rootfs: record.rootfs, spec: spec, namespaces: namespaces,
            mounts: [], devices: [], populateDev: false,
            process: SetupPlanBuilder.planProcess(process, capabilities: process.capabilities, linux: spec.linux),
            hostname: nil, domainname: nil, sysctl: [], maskedPaths: [], readonlyPaths: [], rootReadonly: false,
            rootPropagation: [], noPivot: false, noNewKeyring: true, preserveFds: preserveFds)
    }
}
