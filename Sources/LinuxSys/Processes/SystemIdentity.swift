import CLinuxShim
import Glibc

/// Host and domain name (UTS namespace), personality.
public enum SystemIdentity {
    public static func setHostname(_ name: String) throws(SystemError) {
        _ = try syscallOnce("sethostname") { sethostname(name, name.utf8.count) }
    }

    public static func setDomainName(_ name: String) throws(SystemError) {
        _ = try syscallOnce("setdomainname") { setdomainname(name, name.utf8.count) }
    }

    public static func hostname() throws(SystemError) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        _ = try syscallOnce("gethostname") { gethostname(&buffer, buffer.count - 1) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// personality(2) domains config.json can ask for.
    public static let linux: UInt = 0x0000
    public static let linux32: UInt = 0x0008

    /// personality(2); returns the previous persona.
    @discardableResult
    public static func setPersonality(_ persona: UInt) throws(SystemError) -> Int32 {
        try syscallOnce("personality") { cls_personality(persona) }
    }
}

/// Kernel keyrings (keyctl(2)), for a fresh session keyring per container.
public enum Keyring {
    /// KEYCTL_JOIN_SESSION_KEYRING: joins (creating if needed) the named session keyring; nil name = anonymous.
    /// Returns the keyring's serial number.
    @discardableResult
    public static func joinSessionKeyring(name: String?) throws(SystemError) -> Int32 {
        let serial: Int
        if let name {
            serial = try syscallOnce("keyctl join session keyring") { name.withCString { cls_keyctl_join_session_keyring($0) } }
        } else {
            serial = try syscallOnce("keyctl join session keyring") { cls_keyctl_join_session_keyring(nil) }
        }
        return Int32(truncatingIfNeeded: serial)
    }

    /// KEYCTL_SETPERM: sets the permission mask on a key (runc: 0x3f3f0000 = possessor all, user all).
    public static func setPermissions(key: Int32, permissions: UInt32) throws(SystemError) {
        _ = try syscallOnce("keyctl setperm") { cls_keyctl_setperm(key, permissions) }
    }
}
