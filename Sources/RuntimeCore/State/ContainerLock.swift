import Glibc
import LinuxSys
import OCISpec

/// An exclusive hold on one container's directory (flock on its fd), released when this value goes
/// away. Only the holder writes or removes the container's state; see `StateStore` for the rule.
///
/// flock belongs to the open file description, so a forked child holds the lock too until it closes its
/// copy: a child that outlives the command (the container init waiting for `start`) must close
/// `directoryFD` right after the fork, or every later command on the container blocks.
public struct ContainerLock: ~Copyable {
    public let id: String
    /// `<root>/<id>`.
    public let directory: String
    private let descriptor: FileDescriptor

    init(id: String, directory: String, descriptor: consuming FileDescriptor) {
        self.id = id
        self.directory = directory
        self.descriptor = descriptor
    }

    /// The directory's fd, for the lifecycle's own files (e.g. a FIFO) created with the *at calls.
    public var directoryFD: Int32 { descriptor.rawValue }

    /// False for a claim whose creator died between mkdir and the first write: nothing else can own such a
    /// directory, so `delete` may `remove()` it to free the id.
    public var hasState: Bool {
        FileSystem.exists(at: descriptor.rawValue, StateStore.stateFileName)
            || FileSystem.exists(at: descriptor.rawValue, StateStore.claimFileName)
    }

    public func read() throws(RuntimeError) -> ContainerRecord {
        try StateStore.readRecord(ContainerRecord.self, id: id, directory: directory)
    }

    /// Atomically replaces state.json (temp file, rename); the claim's creating.json, if any, is then removed.
    public func write(_ record: ContainerRecord) throws(RuntimeError) {
        try write(record, to: StateStore.stateFileName)
        try? FileSystem.remove(at: descriptor.rawValue, StateStore.claimFileName)
    }

    /// The claim's record (creating.json), written once before anything of the container exists.
    func writeClaim(_ record: ContainerRecord) throws(RuntimeError) {
        try write(record, to: StateStore.claimFileName)
    }

    private func write(_ record: ContainerRecord, to name: String) throws(RuntimeError) {
        let bytes = record.jsonBytes
        do {
            try AtomicStateFile.replace(name, in: descriptor.rawValue, directoryPath: directory, with: bytes)
        } catch {
            throw .system(stage: "write state", error)
        }
    }

    /// Deletes the directory's contents, then the directory; the lock ends with it. Anyone waiting for
    /// the lock then finds the directory unlinked and reports "container does not exist".
    public consuming func remove() throws(RuntimeError) {
        do {
            // Usually state.json is all there is: unlink it and rmdir, listing the directory only when that fails.
            try? FileSystem.remove(at: descriptor.rawValue, StateStore.stateFileName)
            if (try? FileSystem.remove(directory, isDirectory: true)) != nil { return }
            try StateFileCalls.removeContents(ofDirectory: descriptor.rawValue, path: directory)
            try FileSystem.remove(directory, isDirectory: true)
        } catch {
            throw .system(stage: "remove container state", error)
        }
    }

    /// Releases the lock now (closing the fd); the same as letting the value go out of scope.
    public consuming func unlock() {}
}
