import Glibc
import LinuxSys

/// One cache entry on disk: the full key (to confirm a hit), the skipped syscall names and the BPF.
///
///     "SWSECCOMP1\n" | u64 key length | key | u64 skipped length | skipped names, "\n"-joined | u64 bpf length | bpf
enum CachedProgramFile {
    static let magic = Array("SWSECCOMP1\n".utf8)

    struct Entry {
        var skippedSyscalls: [String]
        var bytecode: [UInt8]
    }

    static func encode(key: FilterKey, entry: Entry) -> [UInt8] {
        var bytes = magic
        appendField(key.bytes, to: &bytes)
        appendField(Array(entry.skippedSyscalls.joined(separator: "\n").utf8), to: &bytes)
        appendField(entry.bytecode, to: &bytes)
        return bytes
    }

    /// The entry, if `bytes` is a well-formed file for exactly this key; nil for anything else (a miss).
    static func decode(_ bytes: [UInt8], key: FilterKey) -> Entry? {
        guard bytes.starts(with: magic) else { return nil }
        var reader = FieldReader(bytes: bytes, offset: magic.count)
        guard let storedKey = reader.next(), storedKey == key.bytes,
              let skipped = reader.next(), let bytecode = reader.next(),
              reader.offset == bytes.count, !bytecode.isEmpty, bytecode.count % bpfInstructionSize == 0
        else { return nil }
        let names = skipped.isEmpty ? [] : String(decoding: skipped, as: UTF8.self).split(separator: "\n").map(String.init)
        return Entry(skippedSyscalls: names, bytecode: bytecode)
    }

    private static func appendField(_ field: [UInt8], to bytes: inout [UInt8]) {
        withUnsafeBytes(of: UInt64(field.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes += field
    }

    private struct FieldReader {
        let bytes: [UInt8]
        var offset: Int

        mutating func next() -> [UInt8]? {
            guard bytes.count - offset >= 8 else { return nil }
            var length: UInt64 = 0
            for index in 0..<8 { length |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
            offset += 8
            guard length <= UInt64(bytes.count - offset) else { return nil }
            let field = Array(bytes[offset..<offset + Int(length)])
            offset += Int(length)
            return field
        }
    }
}
