/// A parsed JSON document. Numbers keep their literal text so that UInt64.max and -1 both survive;
/// objects keep their member order (and duplicates; lookups take the last one, as Go does).
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The JSON type in words, for "found …" messages.
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// An object's members in document order.
public struct JSONObject: Sendable, Equatable {
    public var members: [JSONMember]

    public init(members: [JSONMember] = []) {
        self.members = members
    }

    /// The value of the last member with this key.
    public subscript(key: String) -> JSONValue? {
        members.last(where: { $0.key == key })?.value
    }

    /// Keys in document order, each once.
    public var keys: [String] {
        var seen = Set<String>()
        return members.compactMap { seen.insert($0.key).inserted ? $0.key : nil }
    }
}

public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue

    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}
