/// One line of /proc/PID/mountinfo (see proc(5)):
/// `36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue`
public struct MountInfo: Equatable, Sendable {
    public var mountID: Int
    public var parentID: Int
    public var major: UInt32
    public var minor: UInt32
    /// The directory of the filesystem that forms this mount's root.
    public var root: String
    public var mountPoint: String
    /// Per-mount options (rw, nosuid, relatime …).
    public var options: [String]
    /// "shared:N", "master:N", "propagate_from:N", "unbindable".
    public var optionalFields: [String]
    public var fsType: String
    public var source: String
    /// Per-superblock options.
    public var superOptions: [String]

    public var isShared: Bool { optionalFields.contains { $0.hasPrefix("shared:") } }
    public var isSlave: Bool { optionalFields.contains { $0.hasPrefix("master:") } }
    public var isUnbindable: Bool { optionalFields.contains("unbindable") }
    public var isReadOnly: Bool { options.contains("ro") }

    /// Parses one line; nil when it is malformed.
    public static func parse(line: String) -> MountInfo? {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        guard let separator = fields.firstIndex(of: "-"), separator >= 6, fields.count >= separator + 3 else { return nil }
        guard let mountID = Int(fields[0]), let parentID = Int(fields[1]) else { return nil }
        let device = fields[2].split(separator: ":")
        guard device.count == 2, let major = UInt32(device[0]), let minor = UInt32(device[1]) else { return nil }
        let superOptions = fields.count > separator + 3 ? fields[separator + 3] : ""
        return MountInfo(
            mountID: mountID, parentID: parentID, major: major, minor: minor,
            root: unescape(fields[3]), mountPoint: unescape(fields[4]),
            options: fields[5].split(separator: ",").map(String.init),
            optionalFields: fields[6..<separator].map(String.init),
            fsType: unescape(fields[separator + 1]), source: unescape(fields[separator + 2]),
            superOptions: superOptions.split(separator: ",").map(String.init)
        )
    }

    /// Parses a whole mountinfo file, skipping malformed lines.
    public static func parse(_ text: String) -> [MountInfo] {
        text.split(separator: "\n").compactMap { parse(line: String($0)) }
    }

    /// Reads /proc/<pid>/mountinfo ("self" by default).
    public static func read(pid: String = "self") throws(SystemError) -> [MountInfo] {
        parse(try FileContents.readString("/proc/\(pid)/mountinfo"))
    }

    /// The kernel writes space, tab, newline and backslash as \ooo octal escapes (\040 for a space).
    static func unescape(_ field: Substring) -> String {
        let bytes = Array(field.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\\"), i + 3 < bytes.count, let value = octal(bytes[(i + 1)...(i + 3)]) {
                out.append(value)
                i += 4
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func octal(_ digits: ArraySlice<UInt8>) -> UInt8? {
        var value: UInt32 = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "7") else { return nil }
            value = value * 8 + UInt32(digit - UInt8(ascii: "0"))
        }
        return value <= 255 ? UInt8(value) : nil
    }
}
