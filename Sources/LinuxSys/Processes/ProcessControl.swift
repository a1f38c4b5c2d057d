import CLinuxShim

/// prctl(2) operations a runtime needs. Option numbers from <linux/prctl.h>.
public enum ProcessControl {
    enum Option {
        static let setPdeathsig: Int32 = 1
        static let getPdeathsig: Int32 = 2
        static let getDumpable: Int32 = 3
        static let setDumpable: Int32 = 4
        static let getKeepCaps: Int32 = 7
        static let setKeepCaps: Int32 = 8
        static let setName: Int32 = 15
        static let capabilityBoundingRead: Int32 = 23
        static let capabilityBoundingDrop: Int32 = 24
        static let setChildSubreaper: Int32 = 36
        static let setNoNewPrivileges: Int32 = 38
        static let getNoNewPrivileges: Int32 = 39
        static let capabilityAmbient: Int32 = 47
        static let ambientIsSet: UInt = 1
        static let ambientRaise: UInt = 2
        static let ambientClearAll: UInt = 4
    }

    @discardableResult
    static func call(_ name: String, _ option: Int32, _ a2: UInt = 0, _ a3: UInt = 0) throws(SystemError) -> Int32 {
        try syscallOnce("prctl \(name)") { cls_prctl(option, a2, a3, 0, 0) }
    }

    static func unsignedArgument(_ capability: Int32) -> UInt { UInt(UInt32(bitPattern: capability)) }

    /// Non-dumpable processes cannot be ptraced and their /proc files are root-owned (runc keeps init non-dumpable
    /// until exec so a container process cannot open /proc/<init>/... to reach host fds).
    public static func setDumpable(_ on: Bool) throws(SystemError) {
        try call("PR_SET_DUMPABLE", Option.setDumpable, on ? 1 : 0)
    }

    public static func isDumpable() throws(SystemError) -> Bool {
        try call("PR_GET_DUMPABLE", Option.getDumpable) != 0
    }

    /// Signal sent to us when our parent thread dies; 0 clears it. Reset by the kernel on setuid changes.
    public static func setParentDeathSignal(_ signal: Int32) throws(SystemError) {
        try call("PR_SET_PDEATHSIG", Option.setPdeathsig, unsignedArgument(signal))
    }

    public static func parentDeathSignal() throws(SystemError) -> Int32 {
        var signal: Int32 = 0
        let rc = withUnsafeMutablePointer(to: &signal) { cls_prctl(Option.getPdeathsig, UInt(bitPattern: $0), 0, 0, 0) }
        if rc == -1 { throw SystemError(op: "prctl PR_GET_PDEATHSIG", errno: .current) }
        return signal
    }

    /// no_new_privs: exec can no longer gain privileges (setuid bits, file caps); required for unprivileged seccomp.
    public static func setNoNewPrivileges() throws(SystemError) {
        try call("PR_SET_NO_NEW_PRIVS", Option.setNoNewPrivileges, 1)
    }

    public static func hasNoNewPrivileges() throws(SystemError) -> Bool {
        try call("PR_GET_NO_NEW_PRIVS", Option.getNoNewPrivileges) != 0
    }

    /// Orphaned descendants are reparented to us instead of to PID 1 (so `run` can reap the container's init).
    public static func setChildSubreaper(_ on: Bool) throws(SystemError) {
        try call("PR_SET_CHILD_SUBREAPER", Option.setChildSubreaper, on ? 1 : 0)
    }

    /// Keep permitted capabilities across setuid from 0 to non-zero (needed to then set the final capability sets).
    public static func setKeepCapabilities(_ on: Bool) throws(SystemError) {
        try call("PR_SET_KEEPCAPS", Option.setKeepCaps, on ? 1 : 0)
    }

    public static func keepsCapabilities() throws(SystemError) -> Bool {
        try call("PR_GET_KEEPCAPS", Option.getKeepCaps) != 0
    }

    /// Removes `capability` from the bounding set (irreversible; needs CAP_SETPCAP).
    public static func dropBoundingCapability(_ capability: Int32) throws(SystemError) {
        try call("PR_CAPBSET_DROP", Option.capabilityBoundingDrop, unsignedArgument(capability))
    }

    /// Whether `capability` is in the bounding set (EINVAL for a number the kernel does not know).
    public static func boundingCapabilityIsSet(_ capability: Int32) throws(SystemError) -> Bool {
        try call("PR_CAPBSET_READ", Option.capabilityBoundingRead, unsignedArgument(capability)) == 1
    }

    /// Adds to the ambient set (it must already be permitted and inheritable).
    public static func raiseAmbientCapability(_ capability: Int32) throws(SystemError) {
        try call("PR_CAP_AMBIENT_RAISE", Option.capabilityAmbient, Option.ambientRaise, unsignedArgument(capability))
    }

    public static func ambientCapabilityIsSet(_ capability: Int32) throws(SystemError) -> Bool {
        try call("PR_CAP_AMBIENT_IS_SET", Option.capabilityAmbient, Option.ambientIsSet, unsignedArgument(capability)) == 1
    }

    public static func clearAmbientCapabilities() throws(SystemError) {
        try call("PR_CAP_AMBIENT_CLEAR_ALL", Option.capabilityAmbient, Option.ambientClearAll)
    }

    /// Sets the thread's comm (15 bytes max; the kernel truncates).
    public static func setName(_ name: String) throws(SystemError) {
        let rc = name.withCString { cls_prctl(Option.setName, UInt(bitPattern: $0), 0, 0, 0) }
        if rc == -1 { throw SystemError(op: "prctl PR_SET_NAME", errno: .current) }
    }
}
