import CLinuxShim
import Glibc

/// Both ends of a pipe. A struct, not a tuple: tuples cannot hold noncopyable values.
@frozen public struct Pipe: ~Copyable {
    public var read: FileDescriptor
    public var write: FileDescriptor

    /// pipe2(O_CLOEXEC): both ends close-on-exec from birth, so they cannot leak into a concurrent exec.
    public init(flags: Int32 = 0) throws(SystemError) {
        var fds: [Int32] = [-1, -1]
        let result = fds.withUnsafeMutableBufferPointer { buffer in
            retryingInterrupts { cls_pipe2(buffer.baseAddress, flags | O_CLOEXEC) }
        }
        _ = try result.get(op: "pipe2")
        read = FileDescriptor(adopting: fds[0])
        write = FileDescriptor(adopting: fds[1])
    }
}
