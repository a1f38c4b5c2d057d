import Glibc

/// flock(2) modes.
public enum FileLockKind: Sendable {
    case shared, exclusive
}

extension FileDescriptor {
    /// Takes a whole-file lock. With `wait: false` a held lock fails at once with EWOULDBLOCK (EAGAIN).
    /// The lock lives as long as the open file description (all dups of this fd).
    public func lock(_ kind: FileLockKind, wait: Bool = true) throws(SystemError) {
        let operation = (kind == .shared ? LOCK_SH : LOCK_EX) | (wait ? 0 : LOCK_NB)
        _ = try syscall("flock") { flock(rawValue, operation) }
    }

    /// Like `lock(_:wait: false)`, but returns false instead of throwing when someone else holds it.
    public func tryLock(_ kind: FileLockKind) throws(SystemError) -> Bool {
        do {
            try lock(kind, wait: false)
            return true
        } catch where error.errno == .EWOULDBLOCK {
            return false
        }
    }

    public func unlock() throws(SystemError) {
        _ = try syscall("flock") { flock(rawValue, LOCK_UN) }
    }
}
