import CLinuxShim
import Glibc

/// An owned file descriptor: closed exactly once, when the value goes away.
/// Hand ownership elsewhere (to exec, to a child's stdio) with `release()`.
public struct FileDescriptor: ~Copyable {
    public let rawValue: Int32

    /// Takes ownership of `rawValue`; it will be closed on deinit.
    public init(adopting rawValue: Int32) { self.rawValue = rawValue }

    deinit { _ = Glibc.close(rawValue) }

    /// Gives up ownership without closing; the caller now owns the number.
    public consuming func release() -> Int32 {
        let fd = rawValue
        discard self
        return fd
    }

    /// Same as `release()`.
    public consuming func consume() -> Int32 { release() }

    /// Closes now, reporting the error that deinit would swallow.
    public consuming func close() throws(SystemError) {
        let fd = release()
        _ = try syscallOnce("close") { Glibc.close(fd) }
    }
}

// MARK: Reading and writing

extension FileDescriptor {
    /// One read(2) of at most `count` bytes; empty at end of file.
    public func read(upTo count: Int) throws(SystemError) -> [UInt8] {
        // Uninitialized: zero-filling readAll's 64 KiB buffer for every small /proc or state file was 1.2 M of
        // the 9 M instructions of a `run` (callgrind).
        var result: Result<Int, Errno> = .success(0)
        let buffer = [UInt8](unsafeUninitializedCapacity: count) { raw, initialized in
            result = retryingInterrupts { Glibc.read(rawValue, raw.baseAddress, raw.count) }
            if case .success(let got) = result { initialized = got } else { initialized = 0 }
        }
        _ = try result.get(op: "read")
        return buffer
    }

    /// Reads until end of file.
    public func readAll() throws(SystemError) -> [UInt8] {
        var all: [UInt8] = []
        while true {
            let chunk = try read(upTo: 65536)
            if chunk.isEmpty { return all }
            all += chunk
        }
    }

    /// Writes every byte, continuing after short writes.
    public func writeAll(_ bytes: [UInt8]) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                retryingInterrupts { Glibc.write(rawValue, raw.baseAddress.map { $0 + offset }, raw.count - offset) }
            }
            offset += try result.get(op: "write")
        }
    }

    public func writeAll(_ text: String) throws(SystemError) { try writeAll(Array(text.utf8)) }

    /// pread(2) at `offset`, one call.
    public func read(upTo count: Int, at offset: Int64) throws(SystemError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        let result = buffer.withUnsafeMutableBytes { raw in
            retryingInterrupts { Glibc.pread(rawValue, raw.baseAddress, raw.count, off_t(offset)) }
        }
        let got = try result.get(op: "pread")
        buffer.removeSubrange(got...)
        return buffer
    }

    public func seek(to offset: Int64) throws(SystemError) {
        _ = try syscall("lseek") { Glibc.lseek(rawValue, off_t(offset), SEEK_SET) }
    }

    public func truncate(to size: Int64) throws(SystemError) {
        _ = try syscall("ftruncate") { Glibc.ftruncate(rawValue, off_t(size)) }
    }

    public func sync() throws(SystemError) {
        _ = try syscall("fsync") { Glibc.fsync(rawValue) }
    }
}

// MARK: Descriptor flags and duplication

extension FileDescriptor {
    public func setCloseOnExec(_ on: Bool = true) throws(SystemError) {
        let flags = try syscall("fcntl F_GETFD") { fcntl(rawValue, F_GETFD) }
        let wanted = on ? flags | FD_CLOEXEC : flags & ~FD_CLOEXEC
        if wanted != flags { _ = try syscall("fcntl F_SETFD") { fcntl(rawValue, F_SETFD, wanted) } }
    }

    public func isCloseOnExec() throws(SystemError) -> Bool {
        try syscall("fcntl F_GETFD") { fcntl(rawValue, F_GETFD) } & FD_CLOEXEC != 0
    }

    public func setNonBlocking(_ on: Bool = true) throws(SystemError) {
        let flags = try syscall("fcntl F_GETFL") { fcntl(rawValue, F_GETFL) }
        let wanted = on ? flags | O_NONBLOCK : flags & ~O_NONBLOCK
        if wanted != flags { _ = try syscall("fcntl F_SETFL") { fcntl(rawValue, F_SETFL, wanted) } }
    }

    /// A new owned copy (F_DUPFD_CLOEXEC), numbered at least `minimum`.
    public func duplicate(minimum: Int32 = 0) throws(SystemError) -> FileDescriptor {
        FileDescriptor(adopting: try syscall("fcntl F_DUPFD_CLOEXEC") { fcntl(rawValue, F_DUPFD_CLOEXEC, minimum) })
    }

    /// dup3(2) onto `target` (e.g. 0, 1, 2 in the child before exec). The target is not owned by any
    /// FileDescriptor; it is left without close-on-exec unless asked. Same-number is fine (only clears cloexec).
    public func duplicate(to target: Int32, closeOnExec: Bool = false) throws(SystemError) {
        if target == rawValue {
            let flags = try syscall("fcntl F_GETFD") { fcntl(rawValue, F_GETFD) }
            let wanted = closeOnExec ? flags | FD_CLOEXEC : flags & ~FD_CLOEXEC
            _ = try syscall("fcntl F_SETFD") { fcntl(rawValue, F_SETFD, wanted) }
            return
        }
        _ = try syscall("dup3") { cls_dup3(rawValue, target, closeOnExec ? O_CLOEXEC : 0) }
    }

    /// Where this fd points, as /proc/self/fd shows it (for error messages and checks).
    public func procPath() -> String { "/proc/self/fd/\(rawValue)" }
}
