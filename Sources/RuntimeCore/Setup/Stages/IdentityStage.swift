import LinuxSys

/// process.user and process.capabilities, in the order the kernel needs (runc's finalizeNamespace):
/// drop the bounding set while still privileged, keep capabilities across the uid change, set the groups
/// and ids, then the effective/permitted/inheritable sets, then the ambient set.
struct IdentityStage: SetupStage {
    let name = "user"

    func run(_ context: SetupContext) throws(SetupFailure) {
        let process = context.plan.process
        let caps = process.capabilities
        // Close-on-exec for every fd but stdio and --preserve-fds: nothing of the host reaches the program.
        try step { () throws(SystemError) in
            try FileDescriptors.closeRange(first: 3 + context.plan.preserveFds, cloexec: true)
        }
        try step("process.capabilities.bounding") { () throws(SystemError) in
            let last = try Capabilities.lastCapability()
            for capability in 0...last where caps.bounding & (1 << UInt64(capability)) == 0 {
                try ProcessControl.dropBoundingCapability(capability)
            }
        }
        try step("process.user") { () throws(SystemError) in
            try ProcessControl.setKeepCapabilities(true)
            try Identity.setSupplementaryGroups(process.additionalGids)
            try Identity.setGroupID(process.gid)
            try Identity.setUserID(process.uid)
            try ProcessControl.setKeepCapabilities(false)
        }
        try step("process.capabilities") { () throws(SystemError) in
            try CapabilitySets(effective: caps.effective, permitted: caps.permitted, inheritable: caps.inheritable).apply()
        }
        try step("process.capabilities.ambient") { () throws(SystemError) in
            try ProcessControl.clearAmbientCapabilities()
            // The kernel raises an ambient capability only if it is also permitted and inheritable; the plan
            // builder already warned about the others (runc skips them with a warning too).
            for capability in caps.ambient where caps.inheritable & caps.permitted & (1 << UInt64(capability)) != 0 {
                try ProcessControl.raiseAmbientCapability(capability)
            }
        }
    }
}
