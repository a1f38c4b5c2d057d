/// The decoder's own value, for enums and wrappers.
struct SingleValueContainer: SingleValueDecodingContainer {
    let decoder: ValueDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.value == .null }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decoder.decode(type, from: decoder.value, at: codingPath)
    }

    func decode(_ type: Bool.Type) throws -> Bool { try decodeGeneric(type) }
    func decode(_ type: String.Type) throws -> String { try decodeGeneric(type) }
    func decode(_ type: Double.Type) throws -> Double { try decodeGeneric(type) }
    func decode(_ type: Float.Type) throws -> Float { try decodeGeneric(type) }
    func decode(_ type: Int.Type) throws -> Int { try decodeGeneric(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decodeGeneric(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decodeGeneric(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decodeGeneric(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decodeGeneric(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decodeGeneric(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeGeneric(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeGeneric(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeGeneric(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeGeneric(type) }

    private func decodeGeneric<T: Decodable>(_ type: T.Type) throws -> T {
        try decode(type)
    }
}
