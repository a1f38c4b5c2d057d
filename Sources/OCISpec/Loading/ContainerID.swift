/// Container IDs as runc accepts them: `^[\w+\-\.]+$` (ASCII word characters, '+', '-', '.'), not "." or "..".
public enum ContainerID {
    /// nil when the ID is acceptable; otherwise the problem, with path "id".
    public static func validate(_ id: String) -> ConfigProblem? {
        if id.isEmpty {
            return .error("id", "container ID must not be empty")
        }
        if id == "." || id == ".." {
            return .error("id", "invalid container ID \(quotedJSONString(id))")
        }
        let allowed = id.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
        guard allowed else {
            return .error("id", "invalid container ID \(quotedJSONString(id)): only letters, digits, '_', '+', '-' and '.' are allowed")
        }
        return nil
    }
}
