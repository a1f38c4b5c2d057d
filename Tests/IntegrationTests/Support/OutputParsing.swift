/// Reading what a container printed: trimmed text, "Name:\tvalue" lines of /proc files, and /proc's NUL lists.
extension String {
    var trimmingWhitespace: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }

    /// /proc/PID/cmdline separates arguments with NULs.
    var replacingNulsWithSpaces: String {
        String(decoding: utf8.map { $0 == 0 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }

    var lines: [String] { split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// The value of the first "name: value" line (as in /proc/self/status, or `key=value` output with
    /// `separator` "="), trimmed; nil when no line has that name.
    func field(_ name: String, separator: Character = ":") -> String? {
        for line in lines {
            guard let index = line.firstIndex(of: separator), line[..<index] == name else { continue }
            return String(line[line.index(after: index)...]).trimmingWhitespace
        }
        return nil
    }

    /// Whitespace-separated words.
    var words: [String] { split(whereSeparator: { $0.isWhitespace }).map(String.init) }
}
