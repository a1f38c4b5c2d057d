import Cgroups
import OCISpec
import LinuxSys
import Glibc

/// `events`: runc's JSON lines — `{"type":"stats","id":…,"data":{…}}` every interval, `{"type":"oom","id":…}`
/// when the OOM killer acts in the container's cgroup — until the container stops. `--stats`: one stats line.
public enum EventsOperation {
    public static func run(
        id: String, intervalMilliseconds: Int32, statsOnce: Bool, store: StateStore, emit: (String) -> Void
    ) throws(RuntimeError) {
        let record = try store.read(id: id)
        guard LiveStatus.derive(record).status != .stopped else { throw .containerNotRunning(id: id) }
        let cgroups = try PauseOperation.requireCgroups(record)
        if statsOnce {
            emit(try statsLine(id: id, cgroups: cgroups))
            return
        }
        var oom: OOMEventSource
        do { oom = try cgroups.oomEventSource() } catch { throw .invalidArgument("events: \(error)") }
        var nextStats = monotonicMilliseconds()
        while LiveStatus.derive((try? store.read(id: id)) ?? record).status != .stopped {
            let now = monotonicMilliseconds()
            if now >= nextStats {
                if let line = try? statsLine(id: id, cgroups: cgroups) { emit(line) }
                nextStats = now + Int64(intervalMilliseconds)
            }
            var entry = pollfd(fd: oom.fd, events: Int16(POLLIN), revents: 0)
            // Wake at least every 200 ms to notice a stopped container.
            let wait = Int32(min(200, max(0, nextStats - monotonicMilliseconds())))
            if poll(&entry, 1, wait) > 0 {
                let count = (try? oom.readEvents()) ?? 0
                for _ in 0..<count { emit("{\"type\":\"oom\",\"id\":\"\(id)\"}") }
                if oom.isCgroupGone { return }
            }
        }
    }

    static func statsLine(id: String, cgroups: CgroupSet) throws(RuntimeError) -> String {
        let stats: CgroupStats
        do { stats = try cgroups.stats() } catch { throw .invalidArgument("events: \(error)") }
        let data = String(decoding: SpecJSON.encode(stats, pretty: false), as: UTF8.self)
        return "{\"data\":\(data),\"id\":\"\(id)\",\"type\":\"stats\"}"
    }

    /// "5s", "100ms", "1m", "2h" (Go's time.ParseDuration units that make sense here) → milliseconds.
    public static func parseInterval(_ text: String) -> Int32? {
        let units: [(String, Double)] = [("ms", 1), ("us", 0.001), ("µs", 0.001), ("ns", 0.000001), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            guard let value = Double(text.dropLast(suffix.count)), value > 0 else { return nil }
            return Int32(max(1, min(Double(Int32.max), value * factor)))
        }
        return nil
    }

    private static func monotonicMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}
