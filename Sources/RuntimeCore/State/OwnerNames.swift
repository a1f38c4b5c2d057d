import LinuxSys

/// uid → user name from /etc/passwd, read once per `list`; runc shows `#<uid>` for unknown uids.
struct OwnerNames {
    private var names: [UInt32: String]?

    mutating func name(of uid: UInt32) -> String {
        if names == nil { names = Self.load() }
        return names?[uid] ?? "#\(uid)"
    }

    static func load(from path: String = "/etc/passwd") -> [UInt32: String] {
        guard let text = try? FileContents.readString(path) else { return [:] }
        return parse(text)
    }

    /// `name:password:uid:…` lines; the first entry for a uid wins.
    static func parse(_ text: String) -> [UInt32: String] {
        var names: [UInt32: String] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count > 2, let uid = UInt32(fields[2]), names[uid] == nil else { continue }
            names[uid] = String(fields[0])
        }
        return names
    }
}
