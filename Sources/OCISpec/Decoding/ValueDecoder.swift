/// A `Decoder` over `JSONValue` that records every problem (with its JSON path) instead of stopping at the first.
///
/// How "every problem at once" works with synthesized `Codable`:
/// - a failure is recorded where it is found (innermost path), then `ProblemAlreadyRecorded` unwinds;
/// - `decodeIfPresent` swallows that and returns nil, so the parent struct keeps decoding its other fields;
/// - an array whose element fails still decodes the remaining elements (to record their problems) before failing;
/// - a required field that fails gets a stand-in value so its struct can go on decoding (and reporting) its
///   other fields; the struct is then discarded, so the failure propagates to the nearest optional ancestor.
final class ValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let recorder: ProblemRecorder
    /// What the type being decoded wants, for "expected …" messages. Worked out only when a message needs it:
    /// ExpectedShape's dynamic casts each scan the binary's ~4,000 protocol conformance records the first time a
    /// type is asked about, which was a third of a `create`'s instructions when done for every value.
    var expected: String {
        switch expectation {
        case .words(let words): words
        case .shape(let type): ExpectedShape.singular(type)
        }
    }
    private let expectation: Expectation
    private enum Expectation { case words(String), shape(Any.Type) }
    /// Building a stand-in: missing required members get stand-ins too, and nothing is recorded.
    let buildingStandIn: Bool
    /// Set when a required member of the value being decoded failed; the value is then discarded.
    var requiredMemberFailed = false
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(value: JSONValue, codingPath: [any CodingKey], recorder: ProblemRecorder, expected: String, buildingStandIn: Bool = false) {
        self.value = value
        self.codingPath = codingPath
        self.recorder = recorder
        self.expectation = .words(expected)
        self.buildingStandIn = buildingStandIn
    }

    /// The expectation is the shape of `expectedType`, described only if a problem is recorded.
    init(value: JSONValue, codingPath: [any CodingKey], recorder: ProblemRecorder, expectedType: Any.Type, buildingStandIn: Bool = false) {
        self.value = value
        self.codingPath = codingPath
        self.recorder = recorder
        self.expectation = .shape(expectedType)
        self.buildingStandIn = buildingStandIn
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else { throw mismatch() }
        return KeyedDecodingContainer(ObjectContainer<Key>(object: object, decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else { throw mismatch() }
        return ArrayContainer(elements: elements, decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(decoder: self)
    }

    private func mismatch() -> ProblemAlreadyRecorded {
        recorder.record(codingPath, "expected \(expected), found \(value.kindDescription)")
        return ProblemAlreadyRecorded()
    }

    // MARK: the one place values are decoded

    /// Decodes `type` from `value` at `path`; any failure is recorded before `ProblemAlreadyRecorded` is thrown.
    func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, at path: [any CodingKey]) throws -> T {
        if let primitive = try decodePrimitive(type, from: value, at: path) {
            return primitive
        }
        // Only objects can be maps.
        if case .object = value, let mapType = StringKeyedTypes.matching(type) {
            guard let map = try mapType.decodeCollecting(from: value, at: path, using: self) as? T else {
                throw ProblemAlreadyRecorded()
            }
            return map
        }
        let child = ValueDecoder(
            value: value, codingPath: path, recorder: recorder, expectedType: type, buildingStandIn: buildingStandIn)
        do {
            let decoded = try T(from: child)
            if child.requiredMemberFailed { throw ProblemAlreadyRecorded() }
            return decoded
        } catch let error as ProblemAlreadyRecorded {
            throw error
        } catch let error as DecodingError {
            record(error, fallbackPath: path)
            throw ProblemAlreadyRecorded()
        } catch {
            recorder.record(path, "\(error)")
            throw ProblemAlreadyRecorded()
        }
    }

    /// A placeholder for a required member that failed (already recorded), so decoding of its siblings goes on.
    /// Throws when no placeholder can be built; the parent then fails at once, as plain Codable would.
    func standIn<T: Decodable>(_ type: T.Type, at path: [any CodingKey]) throws -> T {
        let silent = ValueDecoder(value: .null, codingPath: path, recorder: ProblemRecorder(), expected: expected, buildingStandIn: true)
        return try silent.decode(type, from: StandIn.value(for: type), at: path)
    }

    /// Strings, booleans and numbers, converted with range checks; nil when `T` is not one of them.
    private func decodePrimitive<T>(_ type: T.Type, from value: JSONValue, at path: [any CodingKey]) throws -> T? {
        if type == String.self {
            guard case .string(let text) = value else { throw typeMismatch(type, value, path) }
            return text as? T
        }
        if type == Bool.self {
            guard case .bool(let flag) = value else { throw typeMismatch(type, value, path) }
            return flag as? T
        }
        if let integerType = ExpectedShape.integerType(type) {
            return try decodeInteger(integerType, from: value, at: path) as? T
        }
        if type == Double.self || type == Float.self {
            guard case .number(let number) = value else { throw typeMismatch(type, value, path) }
            guard let double = number.doubleValue else {
                recorder.record(path, "\(number.literal) is out of range for a number")
                throw ProblemAlreadyRecorded()
            }
            return (type == Float.self ? Float(double) as Any : double as Any) as? T
        }
        return nil
    }

    private func decodeInteger<I: FixedWidthInteger>(_ type: I.Type, from value: JSONValue, at path: [any CodingKey]) throws -> I {
        guard case .number(let number) = value else { throw typeMismatch(type, value, path) }
        if let integer = number.integer(I.self) { return integer }
        recorder.record(path, ExpectedShape.integerProblem(number, as: I.self))
        throw ProblemAlreadyRecorded()
    }

    private func typeMismatch(_ type: Any.Type, _ value: JSONValue, _ path: [any CodingKey]) -> ProblemAlreadyRecorded {
        recorder.record(path, "expected \(ExpectedShape.singular(type)), found \(value.kindDescription)")
        return ProblemAlreadyRecorded()
    }

    /// DecodingErrors come from types' own `init(from:)` (an unknown enum value, for instance).
    private func record(_ error: DecodingError, fallbackPath: [any CodingKey]) {
        switch error {
        case .dataCorrupted(let context), .valueNotFound(_, let context), .typeMismatch(_, let context):
            recorder.record(context.codingPath.isEmpty ? fallbackPath : context.codingPath, context.debugDescription)
        case .keyNotFound(let key, let context):
            let base = context.codingPath.isEmpty ? fallbackPath : context.codingPath
            recorder.record(base + [key], "missing required field")
        @unknown default:
            recorder.record(fallbackPath, "\(error)")
        }
    }
}

/// The model's `[String: V]` types, recognised by identity. Asking `type as? any StringKeyedDecodable.Type` of
/// every object type decoded scanned all the binary's protocol conformance records once per type: a fifth of a
/// `create`'s instructions (callgrind). A map type missing here still decodes, through Dictionary's own
/// `Decodable`, but reports only its first bad member; `StringKeyedTypesTests` keeps the list complete.
enum StringKeyedTypes {
    static let all: [any StringKeyedDecodable.Type] = [
        [String: String].self, [String: LinuxRdma].self, [String: LinuxNetDevice].self, [String: LinuxTimeOffset].self,
    ]

    static func matching(_ type: Any.Type) -> (any StringKeyedDecodable.Type)? {
        all.first { $0 == type }
    }
}

/// `[String: V]` decoded member by member, so that every bad member is reported, not just the first.
protocol StringKeyedDecodable {
    static func decodeCollecting(from value: JSONValue, at path: [any CodingKey], using decoder: ValueDecoder) throws -> Any
}

extension Dictionary: StringKeyedDecodable where Key == String, Value: Decodable {
    static func decodeCollecting(from value: JSONValue, at path: [any CodingKey], using decoder: ValueDecoder) throws -> Any {
        guard case .object(let object) = value else {
            decoder.recorder.record(path, "expected an object, found \(value.kindDescription)")
            throw ProblemAlreadyRecorded()
        }
        var result: [String: Value] = [:]
        var failed = false
        for member in object.members {
            do {
                result[member.key] = try decoder.decode(Value.self, from: member.value, at: path + [JSONMapKey(member.key)])
            } catch {
                failed = true
            }
        }
        if failed { throw ProblemAlreadyRecorded() }
        return result
    }
}
