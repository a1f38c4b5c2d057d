import CSeccomp
import OCISpec

extension Arch {
    /// libseccomp's name for the architecture: the spec name without "SCMP_ARCH_", in lower case.
    var libseccompName: String {
        String(rawValue.dropFirst("SCMP_ARCH_".count)).lowercased()
    }

    /// libseccomp's architecture token (an AUDIT_ARCH_* value), or nil when this libseccomp does not know it
    /// (Debian's 2.5.4 predates LOONGARCH64, M68K, SH and SHEB).
    var libseccompToken: UInt32? {
        let token = seccomp_arch_resolve_name(libseccompName)
        return token == 0 ? nil : token
    }
}
