import Glibc
import LinuxSys

/// Replaces a file so that a reader sees either the old or the new content, never a mix, even when the writer
/// is killed half-way: write a temp file in the same directory, rename it over the target.
/// No fsync (runc and crun do none either): the state describes processes and cgroups, which a machine crash
/// takes with it, so durability buys nothing, and the two fsyncs per write cost 2–10 ms each on ext4 under load
/// (bench (a): 5 state writes per `run`).
enum AtomicStateFile {
    /// Temp names start with "." and end in ".tmp"; readers never open them.
    static func temporaryName(for name: String) -> String { ".\(name).\(getpid()).tmp" }

    static func replace(_ name: String, in directory: Int32, directoryPath: String, with bytes: [UInt8]) throws(SystemError) {
        let temporary = temporaryName(for: name)
        let temporaryPath = directoryPath + "/" + temporary
        try? FileSystem.remove(at: directory, temporary)  // a leftover of a crashed writer that had our pid
        let file = try FileDescriptor.open(at: directory, temporary, O_WRONLY | O_CREAT | O_EXCL, mode: 0o600)
        do {
            try file.writeAll(bytes)
            try FileSystem.rename(at: directory, temporary, toDirectory: directory, name)
        } catch {
            try? FileSystem.remove(at: directory, temporary)
            throw SystemError(op: error.op, path: temporaryPath, errno: error.errno)
        }
    }
}
