import LinuxSys
import Glibc

/// `--pid-file`: written atomically (temp file + rename), as engines read it as soon as it appears.
enum PidFile {
    static func write(_ pid: Int32, to path: String) throws(SystemError) {
        let absolute = CreateOperation.absolutePath(path)
        let temporary = absolute + ".swiftlet-\(getpid()).tmp"
        let fd = try FileDescriptor.open(temporary, O_WRONLY | O_CREAT | O_TRUNC, mode: 0o644)
        do {
            try fd.writeAll(String(pid))
            try FileSystem.rename(temporary, absolute)
        } catch {
            try? FileSystem.remove(temporary)
            throw error
        }
    }
}
