import LinuxSys
import OCISpec

/// The new namespaces, in one unshare(2) (the kernel creates the user namespace first, so the others belong
/// to it). pid and time namespaces apply to the children: the init forked next is pid 1 of the new one.
struct UnshareNamespacesStage: SetupStage {
    let name = "namespaces"

    func run(_ context: SetupContext) throws(SetupFailure) {
        let namespaces = context.plan.namespaces
        guard namespaces.unshareFlags != 0 else { return }
        try step("linux.namespaces") { () throws(SystemError) in
            try Namespaces.unshare(NamespaceKinds(rawValue: namespaces.unshareFlags))
        }
        guard namespaces.newUser else { return }
        // Only a process outside the namespace with privileges there may write the maps: ask the parent.
        let channel = SyncChannel(fd: context.syncFD)
        try step { () throws(SystemError) in try channel.send(.userNamespaceCreated) }
        try channel.expect(.idMappingsWritten, stage: name)
        // Become root of the new namespace when root is mapped (the usual case): later stages mount and mknod.
        let rootMapped = { (maps: [LinuxIDMapping]) in maps.contains { $0.containerID == 0 && $0.size > 0 } }
        if rootMapped(namespaces.gidMappings) {
            try step("linux.gidMappings") { () throws(SystemError) in try Identity.setGroupID(0) }
        }
        if rootMapped(namespaces.uidMappings) {
            try step("linux.uidMappings") { () throws(SystemError) in try Identity.setUserID(0) }
        }
    }
}
