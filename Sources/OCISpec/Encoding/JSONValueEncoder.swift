/// `Encodable` → `JSONValue`: what SpecJSON writes. Replaces FoundationEssentials' JSONEncoder, so that the
/// binary links no Foundation at all: 1,560 fewer protocol conformance records for every first dynamic cast to
/// scan, ~3 MiB less code, and a smaller resident set at start-up (issue 10).
public enum JSONValueEncoder {
    public static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let root = EncodedNode()
        try root.encode(value, codingPath: [])
        return root.value
    }
}

/// One value being built. A class: containers handed out by an Encoder write into it after the call returns.
final class EncodedNode {
    private enum Content {
        case unset
        case value(JSONValue)
        case object(keys: [String], members: [String: EncodedNode])
        case array([EncodedNode])
    }

    private var content = Content.unset

    var value: JSONValue {
        switch content {
        case .unset: return .object(JSONObject())
        case .value(let value): return value
        case .object(let keys, let members):
            return .object(JSONObject(members: keys.compactMap { key in members[key].map { JSONMember(key: key, value: $0.value) } }))
        case .array(let elements): return .array(elements.map(\.value))
        }
    }

    func set(_ value: JSONValue) { content = .value(value) }

    /// The member `key` of this object (made an object if it is not one yet), created on first use.
    func member(_ key: String) -> EncodedNode {
        var keys: [String] = []
        var members: [String: EncodedNode] = [:]
        if case .object(let existingKeys, let existingMembers) = content { keys = existingKeys; members = existingMembers }
        if let existing = members[key] { return existing }
        let node = EncodedNode()
        keys.append(key)
        members[key] = node
        content = .object(keys: keys, members: members)
        return node
    }

    func makeObject() {
        if case .object = content { return }
        content = .object(keys: [], members: [:])
    }

    /// A new last element of this array (made an array if it is not one yet).
    func appendElement() -> EncodedNode {
        var elements: [EncodedNode] = []
        if case .array(let existing) = content { elements = existing }
        let node = EncodedNode()
        elements.append(node)
        content = .array(elements)
        return node
    }

    func makeArray() {
        if case .array = content { return }
        content = .array([])
    }

    var count: Int {
        if case .array(let elements) = content { return elements.count }
        return 0
    }

    /// Primitives by type identity (no dynamic protocol casts), anything else through its own `encode(to:)`.
    func encode<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        if let primitive = EncodedNode.primitive(value) {
            set(primitive)
        } else {
            try value.encode(to: NodeEncoder(node: self, codingPath: codingPath))
        }
    }

    /// By metatype identity: a `value as? P` would scan the conformance tables for every new type.
    static func primitive<T>(_ value: T) -> JSONValue? {
        let type = T.self
        if type == String.self, let text = value as? String { return .string(text) }
        if type == Bool.self, let flag = value as? Bool { return .bool(flag) }
        if type == Int.self, let number = value as? Int { return integer(number) }
        if type == Int32.self, let number = value as? Int32 { return integer(number) }
        if type == Int64.self, let number = value as? Int64 { return integer(number) }
        if type == UInt32.self, let number = value as? UInt32 { return integer(number) }
        if type == UInt64.self, let number = value as? UInt64 { return integer(number) }
        if type == UInt16.self, let number = value as? UInt16 { return integer(number) }
        if type == UInt8.self, let number = value as? UInt8 { return integer(number) }
        if type == UInt.self, let number = value as? UInt { return integer(number) }
        if type == Int16.self, let number = value as? Int16 { return integer(number) }
        if type == Int8.self, let number = value as? Int8 { return integer(number) }
        if type == Double.self, let number = value as? Double { return floatingPoint(number) }
        if type == Float.self, let number = value as? Float { return floatingPoint(Double(number)) }
        return nil
    }

    static func integer<I: FixedWidthInteger>(_ value: I) -> JSONValue { .number(JSONNumber(literal: String(value))) }

    /// Whole numbers without a fraction, as JSONEncoder writes them; non-finite values have no JSON form: null.
    static func floatingPoint(_ value: Double) -> JSONValue {
        guard value.isFinite else { return .null }
        if value == value.rounded(), abs(value) < 9.007_199_254_740_992e15 { return .number(JSONNumber(literal: String(Int64(value)))) }
        return .number(JSONNumber(literal: "\(value)"))
    }
}

struct NodeEncoder: Encoder {
    let node: EncodedNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(ObjectEncodingContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return ArrayEncodingContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        ValueEncodingContainer(node: node, codingPath: codingPath)
    }
}

struct ObjectEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodedNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.member(key.stringValue).set(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try node.member(key.stringValue).encode(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.member("super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
    }
}

struct ArrayEncodingContainer: UnkeyedEncodingContainer {
    let node: EncodedNode
    let codingPath: [any CodingKey]
    var count: Int { node.count }

    mutating func encodeNil() throws { node.appendElement().set(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try node.appendElement().encode(value, codingPath: codingPath + [ElementIndex(intValue: count)])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.appendElement(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.appendElement(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.appendElement(), codingPath: codingPath)
    }
}

struct ValueEncodingContainer: SingleValueEncodingContainer {
    let node: EncodedNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.set(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws { try node.encode(value, codingPath: codingPath) }
}

/// An array position in a coding path.
private struct ElementIndex: CodingKey {
    let intValue: Int?
    var stringValue: String { intValue.map(String.init) ?? "" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}
