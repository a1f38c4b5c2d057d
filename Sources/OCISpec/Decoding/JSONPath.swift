/// Renders coding paths the way users read them: `linux.namespaces[5].type`, `linux.sysctl["net.ipv4.ip_forward"]`.
enum JSONPath {
    static func render(_ path: [any CodingKey]) -> String {
        var out = ""
        for key in path {
            append(key, to: &out)
        }
        return out
    }

    static func appending(_ key: any CodingKey, to base: String) -> String {
        var out = base
        append(key, to: &out)
        return out
    }

    private static func append(_ key: any CodingKey, to out: inout String) {
        if let index = key as? JSONIndexKey {
            out += "[\(index.index)]"
        } else if isIdentifier(key.stringValue) {
            if !out.isEmpty { out += "." }
            out += key.stringValue
        } else {
            out += "[" + quotedJSONString(key.stringValue) + "]"
        }
    }

    /// `base` with an object member appended, as `render` writes it: `linux.sysctl["net.ipv4.ip_forward"]`.
    static func member(_ name: String, of base: String) -> String {
        guard isIdentifier(name) else { return base + "[" + quotedJSONString(name) + "]" }
        return base.isEmpty ? name : base + "." + name
    }

    /// `base` with an array position appended: `process.args[2]`.
    static func element(_ index: Int, of base: String) -> String {
        base + "[" + String(index) + "]"
    }

    /// Plain identifiers print as `.name`; anything else (dots, dashes, empty) is quoted.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else {
            return false
        }
        return name.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
        }
    }

    /// True when `inner` is `outer` or lies inside it (`process.args[0]` is inside `process`).
    static func contains(_ outer: String, _ inner: String) -> Bool {
        if outer.isEmpty || outer == inner { return true }
        guard inner.hasPrefix(outer) else { return false }
        let next = inner.utf8[inner.utf8.index(inner.utf8.startIndex, offsetBy: outer.utf8.count)]
        return next == UInt8(ascii: ".") || next == UInt8(ascii: "[")
    }
}

/// An array position in a coding path.
struct JSONIndexKey: CodingKey {
    let index: Int
    init(_ index: Int) { self.index = index }
    init?(intValue: Int) { self.index = intValue }
    init?(stringValue: String) { nil }
    var intValue: Int? { index }
    var stringValue: String { "\(index)" }
}

/// A map key (sysctl name, annotation, device name) in a coding path.
struct JSONMapKey: CodingKey {
    let stringValue: String
    init(_ name: String) { self.stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
    var intValue: Int? { nil }
}
