import LinuxSys

/// A session keyring of the container's own, `_ses.<id>`, so it does not share the host's (runc does this too).
struct KeyringStage: SetupStage {
    let name = "keyring"

    func run(_ context: SetupContext) throws(SetupFailure) {
        guard !context.plan.noNewKeyring else { return }
        do {
            let key = try Keyring.joinSessionKeyring(name: "_ses.\(context.plan.id)")
            // possessor: all; user: view, read, search, link (runc's mask), plus 'other search' in a user namespace.
            let permissions: UInt32 = context.plan.namespaces.newUser ? 0x3f1b_0008 : 0x3f1b_0000
            try Keyring.setPermissions(key: key, permissions: permissions)
        } catch {
            // Keyrings may be unavailable (ENOSYS) or forbidden in a user namespace (EDQUOT, EACCES): best effort, as runc.
            if error.errno != .ENOSYS && error.errno != .EACCES && error.errno.rawValue != 122 /* EDQUOT */ {
                throw fail(nil, error.description)
            }
        }
    }
}
