import Glibc
@testable import LinuxSys

/// A fresh directory under /tmp, removed (recursively, without following symlinks) on deinit.
final class TemporaryDirectory {
    let path: String

    init() {
        var template = Array("/tmp/linuxsys-test-XXXXXX".utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }

    deinit { removeTree(path) }

    func file(_ relative: String, contents: String = "", mode: UInt32 = 0o644) throws {
        let fd = try FileDescriptor.open(path + "/" + relative, O_CREAT | O_WRONLY | O_TRUNC, mode: mode)
        try fd.writeAll(contents)
        try fd.changeMode(mode)
    }

    private func removeTree(_ path: String) {
        guard let status = try? FileSystem.linkStatus(path) else { return }
        if status.isDirectory, let dir = opendir(path) {
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name == "." || name == ".." { continue }
                removeTree(path + "/" + name)
            }
            closedir(dir)
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
