import Glibc
import LinuxSys

/// eventfd(2) from glibc: Swift's Glibc module does not export <sys/eventfd.h> and the shim has no wrapper yet.
/// Plain integer arguments, so the C ABI call is safe.
@_silgen_name("eventfd")
private func glibcEventFD(_ initialValue: UInt32, _ flags: Int32) -> Int32

/// OOM kills in a container's memory cgroup, as a pollable fd for `events`:
/// v1 — an eventfd registered on memory.oom_control through cgroup.event_control;
/// v2 — inotify on memory.events, whose oom_kill counter is compared with the last reading.
/// Poll `fd` for readability, then call `readEvents()`.
public struct OOMEventSource: ~Copyable {
    /// Becomes readable when something happened (an OOM, or the cgroup went away).
    public let fd: Int32
    private let kind: Kind
    private var lastKillCount: UInt64 = 0
    /// True once the cgroup is gone (container deleted): the caller stops listening.
    public private(set) var isCgroupGone = false

    private enum Kind {
        case v1(oomControlFD: Int32, directory: CgroupDirectory)
        case v2(directory: CgroupDirectory)
    }

    /// v1 memory hierarchy if mounted, else cgroup2 (memory must be enabled there).
    init(set: CgroupSet) throws(CgroupError) {
        if let path = set.paths["memory"] {
            let directory = CgroupDirectory(path)
            let control = open(directory.file("memory.oom_control"), O_RDONLY | O_CLOEXEC)
            guard control >= 0 else {
                throw CgroupError(op: "open", file: directory.file("memory.oom_control"), errno: .current)
            }
            let event = glibcEventFD(0, O_CLOEXEC)
            guard event >= 0 else {
                let errno = Errno.current
                close(control)
                throw CgroupError(op: "eventfd", errno: errno)
            }
            do {
                try directory.write("cgroup.event_control", "\(event) \(control)")
            } catch {
                close(event)
                close(control)
                throw error
            }
            fd = event
            kind = .v1(oomControlFD: control, directory: directory)
        } else if let unifiedPath = set.unifiedPath {
            let directory = CgroupDirectory(unifiedPath)
            let notify = inotify_init1(Int32(IN_CLOEXEC))
            guard notify >= 0 else { throw CgroupError(op: "inotify_init1", errno: .current) }
            if inotify_add_watch(notify, directory.file("memory.events"), UInt32(IN_MODIFY)) < 0 {
                let errno = Errno.current
                close(notify)
                throw CgroupError(op: "inotify_add_watch", file: directory.file("memory.events"), errno: errno)
            }
            fd = notify
            kind = .v2(directory: directory)
            lastKillCount = (try? directory.readKeyedValues("memory.events"))?["oom_kill"] ?? 0
        } else {
            throw CgroupError(op: "watch oom", reason: "no memory cgroup: neither v1 memory nor cgroup2 is mounted")
        }
    }

    /// Drains the fd (blocks if nothing is pending) and returns how many OOM events happened since the last call.
    public mutating func readEvents() throws(CgroupError) -> Int {
        switch kind {
        case .v1(_, let directory):
            var counter: UInt64 = 0
            let count = withUnsafeMutableBytes(of: &counter) { read(fd, $0.baseAddress, 8) }
            guard count == 8 else { throw CgroupError(op: "read eventfd", errno: .current) }
            // The eventfd also fires when the cgroup is removed.
            if !directory.exists {
                isCgroupGone = true
                return 0
            }
            return Int(counter)
        case .v2(let directory):
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count >= 0 else { throw CgroupError(op: "read inotify", errno: .current) }
            guard let events = try? directory.readKeyedValues("memory.events") else {
                isCgroupGone = true
                return 0
            }
            let kills = events["oom_kill"] ?? 0
            defer { lastKillCount = kills }
            return kills > lastKillCount ? Int(kills - lastKillCount) : 0
        }
    }

    deinit {
        close(fd)
        if case .v1(let control, _) = kind { close(control) }
    }
}

extension CgroupSet {
    /// A source of OOM events for `events` (see OOMEventSource).
    public func oomEventSource() throws(CgroupError) -> OOMEventSource {
        try OOMEventSource(set: self)
    }
}
