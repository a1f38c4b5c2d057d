import Glibc
@testable import Cgroups

/// A temporary directory standing in for /sys/fs/cgroup: control files are plain files.
final class FakeCgroupTree {
    let root: String

    init() {
        var template = Array("/tmp/swiftlet-cgroups-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        root = made.map { String(cString: $0) } ?? "/tmp/swiftlet-cgroups-test-failed"
    }

    deinit { removeTree(root) }

    /// Creates `relative` (a directory) with the given files and contents.
    @discardableResult
    func directory(_ relative: String, files: [String: String] = [:]) -> String {
        let path = root + "/" + relative
        var current = ""
        for part in path.split(separator: "/") {
            current += "/" + part
            mkdir(current, 0o755)
        }
        for (name, content) in files { write(path + "/" + name, content) }
        return path
    }

    func write(_ path: String, _ content: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        _ = content.utf8CString.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count - 1) }
        close(fd)
    }

    /// A control file's content, trimmed; nil when missing.
    func read(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
    }

    private func removeTree(_ path: String) {
        if let dir = opendir(path) {
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
                if name == "." || name == ".." { continue }
                if entry.pointee.d_type == UInt8(DT_DIR) { removeTree(path + "/" + name) } else { unlink(path + "/" + name) }
            }
            closedir(dir)
        }
        rmdir(path)
    }
}
