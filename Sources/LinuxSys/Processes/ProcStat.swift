/// The few fields of /proc/PID/stat a runtime needs. pid + startTime identify a process across PID reuse.
public struct ProcStat: Equatable, Sendable {
    public var pid: Int32
    /// The command name, without the surrounding parentheses (may itself contain spaces and ')').
    public var comm: String
    /// R, S, D, Z, T, t, X, I …
    public var state: Character
    public var ppid: Int32
    /// Field 22: start time in clock ticks since boot.
    public var startTime: UInt64

    public init(pid: Int32, comm: String, state: Character, ppid: Int32, startTime: UInt64) {
        self.pid = pid
        self.comm = comm
        self.state = state
        self.ppid = ppid
        self.startTime = startTime
    }

    /// A zombie or dead process is not running, even though its PID still exists.
    public var isZombieOrDead: Bool { state == "Z" || state == "X" || state == "x" }

    public static func read(pid: Int32) throws(SystemError) -> ProcStat {
        let path = "/proc/\(pid)/stat"
        let text = try FileContents.readString(path)
        guard let stat = parse(text) else { throw SystemError(op: "parse", path: path, errno: .EINVAL) }
        return stat
    }

    /// Parses the text of a stat file; nil when it is malformed.
    /// comm is whatever lies between the first "(" and the *last* ")": the name itself may hold both.
    public static func parse(_ text: String) -> ProcStat? {
        let bytes = Array(text.utf8)
        guard let open = bytes.firstIndex(of: UInt8(ascii: "(")),
              let close = bytes.lastIndex(of: UInt8(ascii: ")")), open < close
        else { return nil }
        guard let pid = Int32(String(decoding: bytes[..<open], as: UTF8.self).trimmingSpaces()) else { return nil }
        let comm = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
        // Fields from 3 (state) on; starttime is field 22, i.e. index 19 here. Split as bytes, not Characters:
        // this is read several times per lifecycle command (callgrind: ~140k instructions a call before).
        let rest = bytes[(close + 1)...].split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") })
        func string(_ field: ArraySlice<UInt8>) -> String { String(decoding: field, as: UTF8.self) }
        guard rest.count > 19, rest[0].count == 1, let stateByte = rest[0].first,
              let ppid = Int32(string(rest[1])), let startTime = UInt64(string(rest[19]))
        else { return nil }
        return ProcStat(pid: pid, comm: comm, state: Character(Unicode.Scalar(stateByte)), ppid: ppid, startTime: startTime)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\n" || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\n" || c == "\t" { s = s.dropLast() }
        return String(s)
    }
}
