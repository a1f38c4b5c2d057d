import OCISpec

/// Editing a parsed config.json by key path, and writing it back, so a test states only the fields it changes.
/// Keys are given one by one (not dotted) because sysctl keys contain dots.
extension JSONValue {
    static func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }

    static func integer(_ value: Int) -> JSONValue { .number(JSONNumber(literal: String(value))) }

    /// An object with these members in this order.
    static func members(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(JSONObject(members: pairs.map { JSONMember(key: $0.key, value: $0.value) }))
    }

    var arrayValue: [JSONValue]? {
        if case .array(let values) = self { return values }
        return nil
    }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var integerValue: Int? {
        if case .number(let number) = self { return number.integer(Int.self) }
        return nil
    }

    /// The member `key` of an object (nil for anything else).
    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    func value(at keys: String...) -> JSONValue? { value(at: keys[...]) }

    private func value(at keys: ArraySlice<String>) -> JSONValue? {
        guard let first = keys.first else { return self }
        return self[first]?.value(at: keys.dropFirst())
    }

    /// Sets the member at the key path, creating (or replacing non-object values with) objects on the way.
    mutating func set(_ keys: String..., to value: JSONValue) { set(keys[...], to: value) }

    private mutating func set(_ keys: ArraySlice<String>, to value: JSONValue) {
        guard let key = keys.first else {
            self = value
            return
        }
        var object: JSONObject
        if case .object(let existing) = self { object = existing } else { object = JSONObject() }
        var child = object[key] ?? .null
        child.set(keys.dropFirst(), to: value)
        if let index = object.members.lastIndex(where: { $0.key == key }) {
            object.members[index].value = child
        } else {
            object.members.append(JSONMember(key: key, value: child))
        }
        self = .object(object)
    }

    /// Removes the member at the key path (nothing happens when a part of the path is missing).
    mutating func remove(_ keys: String...) { remove(keys[...]) }

    private mutating func remove(_ keys: ArraySlice<String>) {
        guard case .object(var object) = self, let key = keys.first else { return }
        if keys.count == 1 {
            object.members.removeAll { $0.key == key }
        } else if let index = object.members.lastIndex(where: { $0.key == key }) {
            object.members[index].value.remove(keys.dropFirst())
        }
        self = .object(object)
    }

    /// Compact JSON text.
    var serialized: String {
        switch self {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): number.literal
        case .string(let text): Self.quoted(text)
        case .array(let values): "[" + values.map(\.serialized).joined(separator: ",") + "]"
        case .object(let object):
            "{" + object.members.map { Self.quoted($0.key) + ":" + $0.value.serialized }.joined(separator: ",") + "}"
        }
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
