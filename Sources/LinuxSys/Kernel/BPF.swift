import CLinuxShim

/// bpf(2), raw: the caller builds the union bpf_attr bytes (the cgroup v2 device-program layer does).
public enum BPF {
    public static let progLoad: Int32 = 5
    public static let progAttach: Int32 = 8
    public static let progDetach: Int32 = 9
    public static let progQuery: Int32 = 16
    public static let progGetFDByID: Int32 = 13

    /// Runs `command` with `attributes` (updated in place: queries write back). Returns the syscall's value
    /// (a new fd for progLoad / progGetFDByID, 0 otherwise).
    @discardableResult
    public static func call(_ command: Int32, attributes: inout [UInt8]) throws(SystemError) -> Int {
        let size = UInt32(attributes.count)
        let result = attributes.withUnsafeMutableBytes { raw in
            retryingInterrupts { cls_bpf(command, raw.baseAddress, size) }
        }
        return try result.get(op: "bpf \(command)")
    }
}
