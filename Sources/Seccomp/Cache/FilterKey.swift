import OCISpec

/// The exact inputs that decide the BPF a config compiles to, as bytes: the default action, architectures and rules,
/// plus the libseccomp version and this encoding's version. Listener settings and flags are left out: they do not
/// change the program (flags are resolved against the kernel at every compile). Cheap to build: no JSON.
struct FilterKey: Equatable {
    let bytes: [UInt8]

    /// Bumped whenever the encoding or the compiler's output for the same config changes.
    static let formatVersion = "swiftlet-seccomp-1"

    init(_ config: LinuxSeccomp) {
        var writer = KeyWriter()
        writer.append(Self.formatVersion)
        writer.append(libseccompVersion)
        writer.append(config.defaultAction.rawValue)
        writer.append(optional: config.defaultErrnoRet.map(UInt64.init))
        writer.append(count: config.architectures?.count)
        for arch in config.architectures ?? [] { writer.append(arch.rawValue) }
        writer.append(count: config.syscalls?.count)
        for rule in config.syscalls ?? [] {
            writer.append(count: rule.names.count)
            for name in rule.names { writer.append(name) }
            writer.append(rule.action.rawValue)
            writer.append(optional: rule.errnoRet.map(UInt64.init))
            writer.append(count: rule.args?.count)
            for arg in rule.args ?? [] {
                writer.append(UInt64(arg.index))
                writer.append(arg.value)
                writer.append(optional: arg.valueTwo)
                writer.append(arg.op.rawValue)
            }
        }
        bytes = writer.bytes
    }

    /// 64-bit FNV-1a, in hex: names the cache file. Only a name: a hit is confirmed by comparing the whole key.
    var fileName: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + ".bpf"
    }
}

/// Length-prefixed fields, so that no two different configs encode to the same bytes.
private struct KeyWriter {
    var bytes: [UInt8] = []

    mutating func append(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: String) {
        let utf8 = text.utf8
        append(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    mutating func append(optional value: UInt64?) {
        bytes.append(value == nil ? 0 : 1)
        if let value { append(value) }
    }

    /// An optional array's length: absent and empty differ in the config but not in the filter; both encode as 0.
    mutating func append(count: Int?) { append(UInt64(count ?? 0)) }
}
