import Glibc

/// Runs a raw call until it stops failing with EINTR, capturing errno immediately on failure
/// (any later call, even a Swift runtime one, may overwrite it). Like swift-system's `valueOrErrno`.
@inline(__always)
func retryingInterrupts<I: FixedWidthInteger>(_ call: () -> I) -> Result<I, Errno> {
    while true {
        let value = call()
        if value != -1 { return .success(value) }
        let errno = Errno.current
        if errno != .EINTR { return .failure(errno) }
    }
}

/// The usual leaf: retry EINTR, and on failure throw a SystemError naming op and path.
@inline(__always)
func syscall<I: FixedWidthInteger>(
    _ op: @autoclosure () -> String, path: @autoclosure () -> String? = nil, _ call: () -> I
) throws(SystemError) -> I {
    switch retryingInterrupts(call) {
    case .success(let value): return value
    case .failure(let errno): throw SystemError(op: op(), path: path(), errno: errno)
    }
}

/// For calls that must not be retried on EINTR (close: the fd is gone either way on Linux).
@inline(__always)
func syscallOnce<I: FixedWidthInteger>(
    _ op: @autoclosure () -> String, path: @autoclosure () -> String? = nil, _ call: () -> I
) throws(SystemError) -> I {
    let value = call()
    if value == -1 {
        let errno = Errno.current   // before op() and path(), which may allocate
        throw SystemError(op: op(), path: path(), errno: errno)
    }
    return value
}

extension Result where Failure == Errno {
    /// Unwraps a captured result, naming the operation on failure.
    @inline(__always)
    func get(op: String, path: String? = nil) throws(SystemError) -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let errno): throw SystemError(op: op, path: path, errno: errno)
        }
    }
}
