/// The fields of one /proc/self/mountinfo line that cgroup detection needs (proc(5)).
/// Private to this module: LinuxSys's mount table parser was not written yet when this was needed.
struct MountInfoEntry: Equatable {
    var root: String
    var mountPoint: String
    var fileSystemType: String
    var superOptions: [String]

    /// "36 25 0:32 / /sys/fs/cgroup/memory rw,relatime shared:15 - cgroup cgroup rw,memory"
    init?(line: Substring) {
        self.init(bytes: Array(line.utf8)[...])
    }

    /// The same from the line's bytes. A plain byte scan: the generic split of a UTF8View took ~25k instructions a
    /// line, and this runs for every mount on every create (callgrind).
    init?(bytes line: ArraySlice<UInt8>) {
        var fields: [ArraySlice<UInt8>] = []
        var start = line.startIndex
        for index in line.indices where line[index] == UInt8(ascii: " ") {
            if index > start { fields.append(line[start..<index]) }
            start = index + 1
        }
        if start < line.endIndex { fields.append(line[start...]) }
        guard let separator = fields.firstIndex(where: { $0.count == 1 && $0.first == UInt8(ascii: "-") }), separator >= 6,
              fields.count >= separator + 4 else { return nil }
        root = MountInfoEntry.unescape(fields[3])
        mountPoint = MountInfoEntry.unescape(fields[4])
        fileSystemType = String(decoding: fields[separator + 1], as: UTF8.self)
        superOptions = fields[separator + 3].split(separator: UInt8(ascii: ",")).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every line of a mountinfo text that parses.
    static func entries(_ mountInfo: String) -> [MountInfoEntry] {
        let bytes = Array(mountInfo.utf8)
        var entries: [MountInfoEntry] = []
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            if let entry = MountInfoEntry(bytes: bytes[start..<index]) { entries.append(entry) }
            start = index + 1
        }
        if start < bytes.count, let entry = MountInfoEntry(bytes: bytes[start...]) { entries.append(entry) }
        return entries
    }

    /// mountinfo escapes space, tab, newline and backslash as \\ooo octal.
    static func unescape(_ field: Substring) -> String { unescape(Array(field.utf8)[...]) }

    static func unescape(_ field: ArraySlice<UInt8>) -> String {
        guard field.contains(UInt8(ascii: "\\")) else { return String(decoding: field, as: UTF8.self) }
        var bytes: [UInt8] = []
        var utf8 = field
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
