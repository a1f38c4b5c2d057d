import CLinuxShim
import Glibc

/// SCM_RIGHTS: sending open fds over a unix socket (console socket, the child's pidfd/mount fds to the parent).
extension FileDescriptor {
    /// Sends `fds` with `payload` (at least one byte is always sent: a message with only control data can be lost).
    public func sendFileDescriptors(_ fds: [Int32], payload: [UInt8] = [0]) throws(SystemError) {
        var data = payload.isEmpty ? [0] : payload
        let controlLength = cls_cmsg_space(fds.count * MemoryLayout<Int32>.size)
        var control = [UInt8](repeating: 0, count: controlLength)
        let result: Result<Int, Errno> = data.withUnsafeMutableBytes { dataBytes in
            control.withUnsafeMutableBytes { controlBytes in
                var vector = iovec(iov_base: dataBytes.baseAddress, iov_len: dataBytes.count)
                return withUnsafeMutablePointer(to: &vector) { vectorPointer in
                    var message = msghdr()
                    message.msg_iov = vectorPointer
                    message.msg_iovlen = 1
                    message.msg_control = controlBytes.baseAddress
                    message.msg_controllen = controlBytes.count
                    guard let header = cls_cmsg_firsthdr(&message) else { return .failure(.EINVAL) }
                    let cmsg = header.assumingMemoryBound(to: cmsghdr.self)
                    cmsg.pointee.cmsg_level = SOL_SOCKET
                    cmsg.pointee.cmsg_type = Int32(SCM_RIGHTS)
                    cmsg.pointee.cmsg_len = cls_cmsg_len(fds.count * MemoryLayout<Int32>.size)
                    if let payload = cls_cmsg_data(header) {
                        for (index, fd) in fds.enumerated() {
                            payload.storeBytes(of: fd, toByteOffset: index * MemoryLayout<Int32>.size, as: Int32.self)
                        }
                    }
                    return retryingInterrupts { sendmsg(rawValue, &message, Int32(MSG_NOSIGNAL)) }
                }
            }
        }
        _ = try result.get(op: "sendmsg")
    }

    /// Receives a message with up to `maxDescriptors` fds (close-on-exec). Fds arrive owned by the caller.
    public func receiveFileDescriptors(
        maxDescriptors: Int = 16, maxPayload: Int = 4096
    ) throws(SystemError) -> ReceivedDescriptors {
        var data = [UInt8](repeating: 0, count: maxPayload)
        var control = [UInt8](repeating: 0, count: cls_cmsg_space(maxDescriptors * MemoryLayout<Int32>.size))
        var fds: [Int32] = []
        var truncated = false
        let result: Result<Int, Errno> = data.withUnsafeMutableBytes { dataBytes in
            control.withUnsafeMutableBytes { controlBytes in
                var vector = iovec(iov_base: dataBytes.baseAddress, iov_len: dataBytes.count)
                return withUnsafeMutablePointer(to: &vector) { vectorPointer in
                    var message = msghdr()
                    message.msg_iov = vectorPointer
                    message.msg_iovlen = 1
                    message.msg_control = controlBytes.baseAddress
                    message.msg_controllen = controlBytes.count
                    let got = retryingInterrupts { recvmsg(rawValue, &message, Int32(MSG_CMSG_CLOEXEC)) }
                    truncated = message.msg_flags & Int32(MSG_CTRUNC) != 0
                    var header = cls_cmsg_firsthdr(&message)
                    while let current = header {
                        let cmsg = current.assumingMemoryBound(to: cmsghdr.self).pointee
                        if cmsg.cmsg_level == SOL_SOCKET, cmsg.cmsg_type == Int32(SCM_RIGHTS), let bytes = cls_cmsg_data(current) {
                            let count = (Int(cmsg.cmsg_len) - cls_cmsg_len(0)) / MemoryLayout<Int32>.size
                            for index in 0..<count {
                                fds.append(bytes.loadUnaligned(fromByteOffset: index * 4, as: Int32.self))
                            }
                        }
                        header = cls_cmsg_nxthdr(&message, current)
                    }
                    return got
                }
            }
        }
        let got = try result.get(op: "recvmsg")
        if truncated {
            for fd in fds { Glibc.close(fd) }
            throw SystemError(op: "recvmsg", errno: .EMSGSIZE)
        }
        return ReceivedDescriptors(payload: Array(data[..<got]), rawDescriptors: fds)
    }
}

/// What `receiveFileDescriptors` got. The descriptors are owned: take them with `take(_:)` or they are closed.
public struct ReceivedDescriptors: ~Copyable {
    public let payload: [UInt8]
    public private(set) var rawDescriptors: [Int32]

    init(payload: [UInt8], rawDescriptors: [Int32]) {
        self.payload = payload
        self.rawDescriptors = rawDescriptors
    }

    public var count: Int { rawDescriptors.count }

    /// Hands over ownership of the fd at `index`.
    public mutating func take(_ index: Int) -> FileDescriptor? {
        guard rawDescriptors.indices.contains(index), rawDescriptors[index] >= 0 else { return nil }
        let fd = rawDescriptors[index]
        rawDescriptors[index] = -1
        return FileDescriptor(adopting: fd)
    }

    deinit { for fd in rawDescriptors where fd >= 0 { close(fd) } }
}
