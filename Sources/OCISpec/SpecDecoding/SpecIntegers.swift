/// The integer types of the spec: a JSON number that is an integer within the type's range. The words are
/// JSONValueDecoder's: "an unsigned 32-bit integer", "… is out of range for a 64-bit integer (min…max)".
protocol SpecInteger: FixedWidthInteger, SpecDecodable {}

extension SpecInteger {
    public static var expectedShape: String { words(article: true) }
    public static var expectedShapes: String { words(article: false) + "s" }

    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        guard case .number(let number) = value else { throw Self.mismatch(value, at: path, recorder) }
        if let integer = number.integer(Self.self) {
            self = integer
            return
        }
        if number.isInteger {
            recorder.record(path, "\(number.literal) is out of range for \(Self.words(article: true)) (\(Self.min)…\(Self.max))")
        } else {
            recorder.record(path, "expected \(Self.words(article: true)), found \(number.literal)")
        }
        throw ProblemAlreadyRecorded()
    }

    private static func words(article: Bool) -> String {
        let words = (isSigned ? "" : "unsigned ") + "\(bitWidth)-bit integer"
        guard article else { return words }
        return isSigned ? "a " + words : "an " + words
    }
}

extension Int: SpecInteger {}
extension Int8: SpecInteger {}
extension Int16: SpecInteger {}
extension Int32: SpecInteger {}
extension Int64: SpecInteger {}
extension UInt: SpecInteger {}
extension UInt8: SpecInteger {}
extension UInt16: SpecInteger {}
extension UInt32: SpecInteger {}
extension UInt64: SpecInteger {}
