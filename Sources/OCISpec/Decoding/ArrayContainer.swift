/// Sequential access to a JSON array. When element i fails, the remaining elements are still decoded
/// (as the same type) so their problems are recorded too, then the whole array fails.
struct ArrayContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let decoder: ValueDecoder
    private(set) var currentIndex = 0

    init(elements: [JSONValue], decoder: ValueDecoder) {
        self.elements = elements
        self.decoder = decoder
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, elements[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard !isAtEnd else {
            decoder.recorder.record(codingPath, "expected more elements (found \(elements.count))")
            throw ProblemAlreadyRecorded()
        }
        let index = currentIndex
        do {
            let value = try decoder.decode(type, from: elements[index], at: path(index))
            currentIndex += 1
            return value
        } catch {
            for later in (index + 1)..<max(index + 1, elements.count) {
                _ = try? decoder.decode(type, from: elements[later], at: path(later))
            }
            currentIndex = elements.count
            throw ProblemAlreadyRecorded()
        }
    }

    mutating func decodeIfPresent<T: Decodable>(_ type: T.Type) throws -> T? {
        if try decodeNil() { return nil }
        return try decode(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try nextDecoder(expected: "an object").container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try nextDecoder(expected: "an array").unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        try nextDecoder(expected: "a value")
    }

    private mutating func nextDecoder(expected: String) throws -> ValueDecoder {
        guard !isAtEnd else {
            decoder.recorder.record(codingPath, "expected more elements (found \(elements.count))")
            throw ProblemAlreadyRecorded()
        }
        defer { currentIndex += 1 }
        return ValueDecoder(value: elements[currentIndex], codingPath: path(currentIndex), recorder: decoder.recorder, expected: expected)
    }

    private func path(_ index: Int) -> [any CodingKey] { codingPath + [JSONIndexKey(index)] }

    // Primitives take the generic path so their checks and messages are the same everywhere.
    mutating func decode(_ type: Bool.Type) throws -> Bool { try decodeGeneric(type) }
    mutating func decode(_ type: String.Type) throws -> String { try decodeGeneric(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try decodeGeneric(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try decodeGeneric(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try decodeGeneric(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try decodeGeneric(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try decodeGeneric(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try decodeGeneric(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try decodeGeneric(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try decodeGeneric(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeGeneric(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeGeneric(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeGeneric(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeGeneric(type) }

    private mutating func decodeGeneric<T: Decodable>(_ type: T.Type) throws -> T {
        try decode(type)
    }
}
