import Glibc
import LinuxSys

/// One cgroup directory in one hierarchy: the only place that reads and writes control files,
/// so every failure carries the spec key and the full file path.
struct CgroupDirectory: Sendable, Equatable {
    let path: String

    init(_ path: String) { self.path = path }

    func file(_ name: String) -> String { path + "/" + name }

    func has(_ name: String) -> Bool { FileSystem.exists(file(name)) }

    /// One write(2) per value: the kernel parses each write as one command.
    func write(_ name: String, _ value: String, key: String? = nil) throws(CgroupError) {
        do { try FileContents.write(file(name), value) } catch { throw CgroupError(key: key, error) }
    }

    func read(_ name: String, key: String? = nil) throws(CgroupError) -> String {
        do {
            return try FileContents.readString(file(name)).trimmingWhitespace()
        } catch { throw CgroupError(key: key, error) }
    }

    func readInteger(_ name: String, key: String? = nil) throws(CgroupError) -> Int64 {
        let text = try read(name, key: key)
        if text == "max" { return -1 }
        guard let value = Int64(text) else {
            throw CgroupError(key: key, op: "parse", file: file(name), reason: "not a number: \(text)")
        }
        return value
    }

    /// "key value" lines (memory.stat, cpu.stat, memory.events) as a dictionary.
    func readKeyedValues(_ name: String) throws(CgroupError) -> [String: UInt64] {
        var values: [String: UInt64] = [:]
        for line in try read(name).split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 2, let value = UInt64(fields[1]) { values[String(fields[0])] = value }
        }
        return values
    }

    var parent: CgroupDirectory? {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return nil }
        return CgroupDirectory(String(path[..<slash]))
    }

    var exists: Bool { FileSystem.exists(path) }

    /// Child cgroup directories (nested cgroups a container made for itself).
    func children() -> [CgroupDirectory] {
        entries().filter(\.isDirectory).map { CgroupDirectory(path + "/" + $0.name) }
    }

    /// Control file names ("memory.max", …).
    func fileNames() -> [String] {
        entries().filter { !$0.isDirectory }.map(\.name)
    }

    private func entries() -> [(name: String, isDirectory: Bool)] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var result: [(name: String, isDirectory: Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            result.append((name, entry.pointee.d_type == UInt8(DT_DIR)))
        }
        return result
    }
}

// Concrete String and Substring versions: the generic StringProtocol one looked up Substring's Sequence
// conformance at run time on every create (first read of cgroup.controllers).
extension String {
    func trimmingWhitespace() -> String {
        let bytes = utf8
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first..<bytes.index(after: last)])
    }
}

extension Substring {
    func trimmingWhitespace() -> String { String(self).trimmingWhitespace() }
}
