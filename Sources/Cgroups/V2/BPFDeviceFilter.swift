import Glibc
import LinuxSys

/// Loads a device program and attaches it to a cgroup2 directory with bpf(2) (LinuxSys.BPF),
/// replacing the programs attached before: attach the new one first (BPF_F_ALLOW_MULTI), then detach the old,
/// so there is never a moment without a filter.
enum BPFDeviceFilter {
    private static let cgroupDeviceProgram: UInt32 = 15   // BPF_PROG_TYPE_CGROUP_DEVICE
    private static let cgroupDeviceAttach: UInt32 = 6     // BPF_CGROUP_DEVICE
    private static let allowMulti: UInt32 = 2             // BPF_F_ALLOW_MULTI

    static func install(_ program: [DeviceProgram.Instruction]?, on directory: CgroupDirectory, key: String) throws(CgroupError) {
        let cgroupFD = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard cgroupFD >= 0 else { throw CgroupError(key: key, op: "open", file: directory.path, errno: .current) }
        defer { close(cgroupFD) }
        let old = try attachedPrograms(cgroupFD, directory: directory, key: key)
        if let program {
            let programFD = try load(program, directory: directory, key: key)
            defer { close(programFD) }
            try attach(programFD, to: cgroupFD, directory: directory, key: key)
        }
        for id in old { try detach(id: id, from: cgroupFD, directory: directory, key: key) }
    }

    /// The result, or -1 with the errno kept for `lastErrno` (errors here are wrapped with the cgroup and key).
    private static func call(_ command: Int32, _ attr: inout [UInt8]) -> Result<Int, Errno> {
        do { return .success(try BPF.call(command, attributes: &attr)) } catch { return .failure(error.errno) }
    }

    private static func put<T: FixedWidthInteger>(_ value: T, at offset: Int, in buffer: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes in
            for (index, byte) in bytes.enumerated() { buffer[offset + index] = byte }
        }
    }

    /// Loads without a verifier log first: with log level 1 the kernel fails the load (ENOSPC) when the log does not
    /// fit the buffer, which a long program's verbose log does not. Only a failed load is retried with the log, for
    /// its message.
    private static func load(_ program: [DeviceProgram.Instruction], directory: CgroupDirectory, key: String) throws(CgroupError) -> Int32 {
        do { return try load(program, directory: directory, key: key, logSize: 0) } catch {
            return try load(program, directory: directory, key: key, logSize: 65536)
        }
    }

    private static func load(
        _ program: [DeviceProgram.Instruction], directory: CgroupDirectory, key: String, logSize: Int
    ) throws(CgroupError) -> Int32 {
        let code = program.flatMap(\.bytes)
        let license = Array("Apache-2.0".utf8) + [0]
        var log = [UInt8](repeating: 0, count: max(1, logSize))
        var attr = [UInt8](repeating: 0, count: 128)
        let result: Result<Int, Errno> = code.withUnsafeBufferPointer { codePointer in
            license.withUnsafeBufferPointer { licensePointer in
                log.withUnsafeMutableBufferPointer { logPointer in
                    // union bpf_attr, BPF_PROG_LOAD: prog_type, insn_cnt, insns, license, log_level, log_size, log_buf.
                    put(cgroupDeviceProgram, at: 0, in: &attr)
                    put(UInt32(program.count), at: 4, in: &attr)
                    put(UInt64(UInt(bitPattern: codePointer.baseAddress)), at: 8, in: &attr)
                    put(UInt64(UInt(bitPattern: licensePointer.baseAddress)), at: 16, in: &attr)
                    if logSize > 0 {
                        put(UInt32(1), at: 24, in: &attr)
                        put(UInt32(logPointer.count), at: 28, in: &attr)
                        put(UInt64(UInt(bitPattern: logPointer.baseAddress)), at: 32, in: &attr)
                    }
                    return call(BPF.progLoad, &attr)
                }
            }
        }
        guard case .success(let programFD) = result else {
            let errno: Errno
            if case .failure(let failure) = result { errno = failure } else { errno = .EINVAL }
            let verifier = String(decoding: log.prefix(while: { $0 != 0 }), as: UTF8.self).trimmingWhitespace()
            throw CgroupError(key: key, op: "bpf prog load", file: directory.path, errno: errno,
                              reason: verifier.isEmpty ? nil : "verifier: \(verifier)")
        }
        return Int32(programFD)
    }

    private static func attach(_ programFD: Int32, to cgroupFD: Int32, directory: CgroupDirectory, key: String) throws(CgroupError) {
        var attr = [UInt8](repeating: 0, count: 32)
        put(UInt32(bitPattern: cgroupFD), at: 0, in: &attr)
        put(UInt32(bitPattern: programFD), at: 4, in: &attr)
        put(cgroupDeviceAttach, at: 8, in: &attr)
        put(allowMulti, at: 12, in: &attr)
        if case .failure(let errno) = call(BPF.progAttach, &attr) {
            throw CgroupError(key: key, op: "bpf prog attach", file: directory.path, errno: errno)
        }
    }

    private static func attachedPrograms(_ cgroupFD: Int32, directory: CgroupDirectory, key: String) throws(CgroupError) -> [UInt32] {
        var ids = [UInt32](repeating: 0, count: 64)
        var attr = [UInt8](repeating: 0, count: 40)
        let result: Result<Int, Errno> = ids.withUnsafeMutableBufferPointer { idsPointer in
            // BPF_PROG_QUERY: target_fd, attach_type, query_flags, attach_flags, prog_ids, prog_cnt.
            put(UInt32(bitPattern: cgroupFD), at: 0, in: &attr)
            put(cgroupDeviceAttach, at: 4, in: &attr)
            put(UInt64(UInt(bitPattern: idsPointer.baseAddress)), at: 16, in: &attr)
            put(UInt32(idsPointer.count), at: 24, in: &attr)
            return call(BPF.progQuery, &attr)
        }
        if case .failure(let errno) = result {
            throw CgroupError(key: key, op: "bpf prog query", file: directory.path, errno: errno)
        }
        let count = Int(attr[24]) | Int(attr[25]) << 8 | Int(attr[26]) << 16 | Int(attr[27]) << 24
        return Array(ids.prefix(min(count, ids.count)))
    }

    private static func detach(id: UInt32, from cgroupFD: Int32, directory: CgroupDirectory, key: String) throws(CgroupError) {
        var byID = [UInt8](repeating: 0, count: 16)
        put(id, at: 0, in: &byID)
        // Gone already (another runtime replaced it): nothing to detach.
        guard case .success(let programFD) = call(BPF.progGetFDByID, &byID) else { return }
        defer { close(Int32(programFD)) }
        var attr = [UInt8](repeating: 0, count: 32)
        put(UInt32(bitPattern: cgroupFD), at: 0, in: &attr)
        put(UInt32(programFD), at: 4, in: &attr)
        put(cgroupDeviceAttach, at: 8, in: &attr)
        if case .failure(let errno) = call(BPF.progDetach, &attr) {
            throw CgroupError(key: key, op: "bpf prog detach", file: directory.path, errno: errno)
        }
    }
}
