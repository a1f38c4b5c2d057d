import Glibc
import LinuxSys
import OCISpec

/// Container state on disk: `<root>/<id>/state.json`, one directory (0700) per container, root 0700.
///
/// Files: the claim writes `creating.json` (what a crashed create needs for `delete` to clean up); the record
/// with the init's pid goes to `state.json`, which then wins, and `creating.json` is removed. Readers take
/// state.json, else creating.json. Why two names: on ext4 a rename *over* a file flushes the new file's data and
/// frees the old one's blocks (a discard with -o discard): ~130 µs per rewrite against ~50 µs for a new name, and
/// `start` no longer rewrites at all (`startedStatus`). A `run` writes each name once.
///
/// Locking rule:
/// - Claiming an id is `mkdir <root>/<id>`: atomic, so of any number of parallel creates of one id exactly
///   one wins; the others get "container with given ID already exists".
/// - Every command that changes a container (create, start, kill, delete, pause, resume, update, exec's
///   bookkeeping) holds `lock(id:)` — an exclusive flock(2) on the container directory's own fd — for the
///   whole change, and writes `state.json` only while holding it. Take one container lock at a time.
/// - After the lock is acquired the directory is checked again: if a `delete` removed it while we waited,
///   the lock reports "container does not exist" instead of resurrecting it.
/// - `state` and `list` never lock: state.json is replaced by rename, so a reader always sees the last
///   complete version. That is what lets a hook run `swiftlet state <id>` while `create` holds the lock;
///   a hook that runs a mutating command on its own container blocks until the hook's timeout.
public struct StateStore: Sendable {
    public static let stateFileName = "state.json"
    /// The claim's record, until state.json exists.
    public static let claimFileName = "creating.json"

    public let root: String

    /// Creates `root` (and missing parents) with mode 0700 if needed.
    public init(root: String) throws(RuntimeError) {
        self.root = root
        do { try StateFileCalls.makeDirectories(root, mode: 0o700) } catch {
            throw .system(stage: "state root", error)
        }
    }

    public func directory(of id: String) -> String { root + "/" + id }

    /// Claims `record.id` and writes its first state, returning the held lock. The record should carry
    /// the creator's pid and start time so a crashed create reads as stopped.
    public func claim(_ record: ContainerRecord) throws(RuntimeError) -> ContainerLock {
        let id = record.id
        try Self.validate(id)
        let path = directory(of: id)
        do { try FileSystem.makeDirectory(path, mode: 0o700) } catch {
            if error.errno == .EEXIST { throw .containerAlreadyExists(id: id) }
            throw .system(stage: "claim container id", error)
        }
        do {
            let lock = try lock(id: id)
            try lock.writeClaim(record)
            return lock
        } catch {
            // Free the id again: nothing else can have used a directory without a record.
            try? FileSystem.remove(path, isDirectory: true)
            throw error
        }
    }

    /// Waits for the container's exclusive lock.
    public func lock(id: String) throws(RuntimeError) -> ContainerLock {
        guard let lock = try acquire(id: id, wait: true) else { throw .containerNotFound(id: id) }
        return lock
    }

    /// Takes the lock only if nobody holds it; nil when busy.
    public func tryLock(id: String) throws(RuntimeError) -> ContainerLock? {
        try acquire(id: id, wait: false)
    }

    private func acquire(id: String, wait: Bool) throws(RuntimeError) -> ContainerLock? {
        try Self.validate(id)
        let path = directory(of: id)
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW)
        } catch {
            if error.errno == .ENOENT || error.errno == .ENOTDIR { throw .containerNotFound(id: id) }
            throw .system(stage: "lock container", error)
        }
        let linkCount: UInt64
        do {
            if wait {
                try descriptor.lock(.exclusive)
            } else if try !descriptor.tryLock(.exclusive) {
                return nil
            }
            linkCount = try descriptor.status().linkCount
        } catch {
            throw .system(stage: "lock container", SystemError(op: error.op, path: path, errno: error.errno))
        }
        // Removed while we waited: the directory we hold has no name any more.
        if linkCount == 0 { throw .containerNotFound(id: id) }
        return ContainerLock(id: id, directory: path, descriptor: descriptor)
    }

    /// The last complete state, without locking.
    public func read(id: String) throws(RuntimeError) -> ContainerRecord {
        try Self.validate(id)
        return try Self.readRecord(ContainerRecord.self, id: id, directory: directory(of: id))
    }

    /// state.json, else the claim's creating.json; `status` as `startedStatus` reads it.
    static func readRecord<T: Decodable & PersistedStatus>(_ type: T.Type, id: String, directory: String) throws(RuntimeError) -> T {
        var record: T
        do { record = try decode(T.self, id: id, at: directory + "/" + stateFileName) } catch {
            guard case .containerNotFound = error else { throw error }
            record = try decode(T.self, id: id, at: directory + "/" + claimFileName)
        }
        record.status = startedStatus(record.status, directory: directory)
        return record
    }

    /// `start` does not rewrite state.json (a rename over it costs ~130 µs on ext4, which flushes the new file's
    /// data first): a `created` container whose exec fifo is gone has been started, as runc decides it too.
    static func startedStatus(_ persisted: ContainerStatus, directory: String) -> ContainerStatus {
        guard persisted == .created else { return persisted }
        return FileSystem.exists(directory + "/" + CreateOperation.execFifoName) ? .created : .running
    }

    /// Every container with a readable state, sorted by id. Entries that are not containers — temp files,
    /// directories without (or with an unparsable) state.json, such as a create caught between mkdir and
    /// its first write — are skipped. Only the summary fields are decoded.
    public func list() throws(RuntimeError) -> [ListedContainer] {
        let rootFD: FileDescriptor
        do { rootFD = try FileDescriptor.open(root, O_RDONLY | O_DIRECTORY) } catch {
            throw .system(stage: "list containers", error)
        }
        let entries: [(name: String, isDirectory: Bool)]
        do { entries = try StateFileCalls.entries(ofDirectory: rootFD.rawValue, path: root) } catch {
            throw .system(stage: "list containers", error)
        }
        var owners = OwnerNames()
        var listed: [ListedContainer] = []
        for entry in entries.sorted(by: { $0.name < $1.name }) where entry.isDirectory {
            guard Self.isValid(entry.name) else { continue }
            let path = directory(of: entry.name)
            guard let summary = try? Self.readRecord(ContainerSummary.self, id: entry.name, directory: path),
                summary.id == entry.name
            else { continue }
            let ownerName = (try? FileSystem.status(path)).map { owners.name(of: $0.uid) } ?? ""
            listed.append(ListedContainer(summary: summary, ownerName: ownerName))
        }
        return listed
    }

    /// runc's id rule (letters, digits, `_ + - .`, not "." or ".."): ids become path components.
    static func validate(_ id: String) throws(RuntimeError) {
        if !isValid(id) { throw .invalidContainerID(id: id) }
    }

    static func isValid(_ id: String) -> Bool { ContainerID.validate(id) == nil }

    static func decode<T: Decodable>(_ type: T.Type, id: String, at path: String) throws(RuntimeError) -> T {
        let bytes: [UInt8]
        do { bytes = try FileContents.read(path) } catch {
            if error.errno == .ENOENT || error.errno == .ENOTDIR { throw .containerNotFound(id: id) }
            throw .system(stage: "read state", error)
        }
        do { return try JSONValueDecoder.decode(T.self, from: bytes) } catch {
            throw .corruptState(id: id, detail: "cannot decode \(path): \(error)")
        }
    }
}

/// The records whose status `readRecord` adjusts.
protocol PersistedStatus {
    var status: ContainerStatus { get set }
}

extension ContainerRecord: PersistedStatus {}
extension ContainerSummary: PersistedStatus {}

/// One row of `list`: the summary plus the name of the user owning the container's directory.
public struct ListedContainer: Sendable, Equatable {
    public var summary: ContainerSummary
    /// As runc shows it: the user name, or `#<uid>` when the uid has no passwd entry.
    public var ownerName: String
}
