/// The fields of one /proc/self/mountinfo line that cgroup detection needs (proc(5)).
/// Private to this module: LinuxSys's mount table parser was not written yet when this was needed.
struct MountInfoEntry: Equatable {
    var root: String
    var mountPoint: String
    var fileSystemType: String
    var superOptions: [String]

    /// "36 25 0:32 / /sys/fs/cgroup/memory rw,relatime shared:15 - cgroup cgroup rw,memory"
    init?(line: Substring) {
        // Split as bytes: Character-wise splitting (grapheme breaking) cost ~60k instructions a line (callgrind).
        let fields = line.utf8.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true)
        guard let separator = fields.firstIndex(where: { $0.elementsEqual([UInt8(ascii: "-")]) }), separator >= 6,
              fields.count >= separator + 4 else { return nil }
        root = MountInfoEntry.unescape(fields[3])
        mountPoint = MountInfoEntry.unescape(fields[4])
        fileSystemType = String(decoding: fields[separator + 1], as: UTF8.self)
        superOptions = fields[separator + 3].split(separator: UInt8(ascii: ",")).map { String(decoding: $0, as: UTF8.self) }
    }

    /// mountinfo escapes space, tab, newline and backslash as \ooo octal.
    static func unescape(_ field: Substring) -> String { unescape(field.utf8[...]) }

    static func unescape(_ field: Substring.UTF8View.SubSequence) -> String {
        guard field.contains(UInt8(ascii: "\\")) else { return String(decoding: field, as: UTF8.self) }
        var bytes: [UInt8] = []
        var utf8 = Array(field)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "\\"), utf8.count >= 3,
               let value = UInt8(String(decoding: utf8.prefix(3), as: UTF8.self), radix: 8) {
                bytes.append(value)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
