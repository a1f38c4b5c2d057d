import CSeccomp
import Glibc
import LinuxSys

/// A libseccomp filter context, released exactly once when the value goes away. Lives only in the parent:
/// the child never touches libseccomp (it allocates), it loads the exported BPF with seccomp(2).
struct LibseccompFilter: ~Copyable {
    private let context: scmp_filter_ctx

    /// nil when libseccomp refuses the default action (it says no more than that).
    init?(defaultAction: UInt32) {
        guard let context = seccomp_init(defaultAction) else { return nil }
        self.context = context
    }

    deinit { seccomp_release(context) }

    /// Adds an architecture; the native one is always present, so EEXIST is not a failure.
    func addArchitecture(_ token: UInt32) throws(Errno) {
        let result = seccomp_arch_add(context, token)
        if result < 0 && result != -EEXIST { throw Errno(-result) }
    }

    /// Adds one rule, letting libseccomp translate the syscall per architecture (socketcall multiplexing on x86 …).
    func addRule(action: UInt32, syscall: Int32, conditions: [scmp_arg_cmp]) throws(Errno) {
        let result = conditions.withUnsafeBufferPointer { buffer in
            seccomp_rule_add_array(context, action, syscall, UInt32(buffer.count), buffer.baseAddress)
        }
        if result < 0 { throw Errno(-result) }
    }

    /// The compiled classic-BPF program (struct sock_filter[]). libseccomp 2.5 exports only to an fd, so through a memfd.
    func exportBPF() throws(SystemError) -> [UInt8] {
        let rawFD = csc_memfd_create("swiftlet-seccomp-bpf", UInt32(MFD_CLOEXEC))
        if rawFD < 0 { throw SystemError(op: "memfd_create", errno: .current) }
        let memory = FileDescriptor(adopting: rawFD)
        let result = seccomp_export_bpf(context, memory.rawValue)
        if result < 0 { throw SystemError(op: "seccomp_export_bpf", errno: Errno(-result)) }
        try memory.seek(to: 0)
        return try memory.readAll()
    }
}

/// memfd_create's MFD_CLOEXEC (linux/memfd.h), not visible through Glibc.
private let MFD_CLOEXEC: Int32 = 1
