/// A spec type decoded straight from a JSONValue, by hand-written initializers instead of Codable.
///
/// Why: Codable's synthesized decoding instantiates, for every type, `KeyedDecodingContainer<CodingKeys>`, the
/// container box class and their witness tables at run time; for config.json that was ~5% of a `run`'s CPU
/// samples, on the critical path of every create. Here every call is specialized at compile time.
///
/// The contract is JSONValueDecoder's (the Codable decoder, which stays the reference): the same value, the same
/// problems with the same paths and words, the same dropped paths. SpecDecodingTests checks it over every bundle
/// and schema example and over systematic mutations of them.
/// - a problem is recorded where it is found, then `ProblemAlreadyRecorded` unwinds;
/// - an optional member that fails becomes nil (its path is "dropped"), so its siblings go on;
/// - a required member that fails fails its object, but only after the siblings were decoded (and reported);
/// - an array or map decodes every element before failing.
public protocol SpecDecodable {
    /// The JSON this type expects, in words, for "expected …": "an object", "a string", "an array of strings".
    static var expectedShape: String { get }
    /// The same in the plural ("objects", "strings"), for the element type of an array.
    static var expectedShapes: String { get }

    /// Decodes `value`, found at `path` (rendered as in problems: `linux.namespaces[2].type`).
    init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded)
}

extension SpecDecodable {
    public static var expectedShape: String { "an object" }
    public static var expectedShapes: String { "objects" }

    static func mismatch(_ value: JSONValue, at path: String, _ recorder: ProblemRecorder) -> ProblemAlreadyRecorded {
        recorder.record(path, "expected \(expectedShape), found \(value.kindDescription)")
        return ProblemAlreadyRecorded()
    }
}

/// The members of one JSON object, read as the fields of a struct.
struct SpecObject {
    private let object: JSONObject
    private let path: String
    private let recorder: ProblemRecorder

    init(_ value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        guard case .object(let object) = value else {
            recorder.record(path, "expected an object, found \(value.kindDescription)")
            throw ProblemAlreadyRecorded()
        }
        self.object = object
        self.path = path
        self.recorder = recorder
    }

    /// nil when missing or failed (recorded): the caller's object then fails, after its other members.
    func required<T: SpecDecodable>(_ key: String) -> T? {
        let memberPath = JSONPath.member(key, of: path)
        guard let value = object[key] else {
            recorder.record(memberPath, "missing required field")
            return nil
        }
        return try? T(spec: value, at: memberPath, recorder)
    }

    /// nil when absent or null, and when it failed (recorded, and its path dropped).
    func optional<T: SpecDecodable>(_ key: String) -> T? {
        guard let value = object[key], value != .null else { return nil }
        let memberPath = JSONPath.member(key, of: path)
        do { return try T(spec: value, at: memberPath, recorder) } catch {
            recorder.dropped(memberPath)
            return nil
        }
    }
}

extension Array: SpecDecodable where Element: SpecDecodable {
    public static var expectedShape: String { "an array of \(Element.expectedShapes)" }
    public static var expectedShapes: String { "arrays of \(Element.expectedShapes)" }

    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        guard case .array(let elements) = value else { throw Self.mismatch(value, at: path, recorder) }
        var decoded: [Element] = []
        decoded.reserveCapacity(elements.count)
        var failed = false
        for (index, element) in elements.enumerated() {
            do { decoded.append(try Element(spec: element, at: JSONPath.element(index, of: path), recorder)) } catch { failed = true }
        }
        if failed { throw ProblemAlreadyRecorded() }
        self = decoded
    }
}

/// `[String: V]` (annotations, sysctl, unified, rdma …): every member is decoded before failing; a repeated key
/// keeps its last value.
extension Dictionary: SpecDecodable where Key == String, Value: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        guard case .object(let object) = value else { throw Self.mismatch(value, at: path, recorder) }
        var decoded: [String: Value] = [:]
        var failed = false
        for member in object.members {
            do { decoded[member.key] = try Value(spec: member.value, at: JSONPath.member(member.key, of: path), recorder) } catch {
                failed = true
            }
        }
        if failed { throw ProblemAlreadyRecorded() }
        self = decoded
    }
}

extension String: SpecDecodable {
    public static var expectedShape: String { "a string" }
    public static var expectedShapes: String { "strings" }

    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        guard case .string(let text) = value else { throw Self.mismatch(value, at: path, recorder) }
        self = text
    }
}

extension Bool: SpecDecodable {
    public static var expectedShape: String { "a boolean" }
    public static var expectedShapes: String { "booleans" }

    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        guard case .bool(let flag) = value else { throw Self.mismatch(value, at: path, recorder) }
        self = flag
    }
}

/// A spec string enum: a string, one of the raw values (else `unknown <kind> "<value>"`). A value that is not a
/// string reads "expected a string", as with Codable (the enum decodes a String first).
extension SpecEnum {
    public static var expectedShape: String {
        (specKind.first.map { "aeiouAEIOU".contains($0) } == true ? "an " : "a ") + specKind + " string"
    }
    public static var expectedShapes: String { specKind + " strings" }

    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        guard case .string(let text) = value else {
            recorder.record(path, "expected a string, found \(value.kindDescription)")
            throw ProblemAlreadyRecorded()
        }
        guard let known = Self(rawValue: text) else {
            recorder.record(path, "unknown \(Self.specKind) \(quotedJSONString(text))")
            throw ProblemAlreadyRecorded()
        }
        self = known
    }
}
