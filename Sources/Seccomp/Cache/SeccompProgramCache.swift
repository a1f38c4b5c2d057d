import Glibc
import LinuxSys
import OCISpec

/// Compiled filters kept on disk by the exact config they came from, as crun does: libseccomp needs ~7 ms for a
/// Docker-like profile on three architectures, a cache hit is one small file read.
///
/// The directory must be the runtime's own (root-only): its files become the container's filter. Entries are checked
/// against the whole key, never trusted on the hash alone. Failing to store is not an error: the cache only saves time.
public struct SeccompProgramCache: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// The program for `config`, from the cache when an entry matches, else compiled and stored.
    public func program(for config: LinuxSeccomp) throws(SeccompError) -> SeccompProgram {
        let key = FilterKey(config)
        let path = "\(directory)/\(key.fileName)"
        if let entry = load(path, key: key) {
            return try SeccompProgram.assemble(
                config, bytecode: entry.bytecode, skippedSyscalls: entry.skippedSyscalls)
        }
        let program = try SeccompProgram.compile(config)
        store(CachedProgramFile.Entry(skippedSyscalls: program.skippedSyscalls, bytecode: program.bytecode), key: key, at: path)
        return program
    }

    private func load(_ path: String, key: FilterKey) -> CachedProgramFile.Entry? {
        guard let file = try? FileDescriptor.open(path), let bytes = try? file.readAll() else { return nil }
        return CachedProgramFile.decode(bytes, key: key)
    }

    /// Written to a temporary name and renamed, so a concurrent create never reads half a file.
    private func store(_ entry: CachedProgramFile.Entry, key: FilterKey, at path: String) {
        if !FileSystem.exists(directory) { try? FileSystem.makeDirectory(directory, mode: 0o700) }
        let temporary = "\(path).\(getpid()).tmp"
        do {
            let file = try FileDescriptor.open(temporary, O_WRONLY | O_CREAT | O_TRUNC, mode: 0o600)
            try file.writeAll(CachedProgramFile.encode(key: key, entry: entry))
            try FileSystem.rename(temporary, path)
        } catch {
            try? FileSystem.remove(temporary)
        }
    }
}
