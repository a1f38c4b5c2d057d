/// Lexical path text, written with concrete String operations only. The stdlib's generic ones on Substrings
/// (`joined(separator:)`, `+`, `append(contentsOf:)` of a Sequence) resolve associated types at run time,
/// which scans the binary's protocol conformances the first time: tens of microseconds of every create.
public enum PathText {
    /// "/" followed by the components joined with "/"; "/" for none.
    public static func absolute(_ components: [Substring]) -> String {
        "/" + joined(components, separator: "/")
    }

    /// The components joined with `separator` ("a/b" for relative paths, "," for mount data …).
    public static func joined(_ parts: [Substring], separator: String) -> String {
        var text = ""
        for (index, part) in parts.enumerated() {
            if index > 0 { text.append(separator) }
            text.append(contentsOf: part)
        }
        return text
    }

    /// The same for Strings.
    public static func joined(_ parts: [String], separator: String) -> String {
        var text = ""
        for (index, part) in parts.enumerated() {
            if index > 0 { text.append(separator) }
            text.append(part)
        }
        return text
    }

    /// The lexical parent (absolute) and the last component: "/dev/net/tun" → ("/dev/net", "tun"), "/x" → ("/", "x").
    public static func parentAndName(_ path: String) -> (parent: String, name: String) {
        var components = path.split(separator: "/")
        let name = components.popLast().map { String($0) } ?? ""
        return (absolute(components), name)
    }
}
