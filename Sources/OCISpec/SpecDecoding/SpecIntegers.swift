/// The integer types of the spec: a JSON number that is an integer within the type's range, with
/// JSONValueDecoder's words (ExpectedShape): "an unsigned 32-bit integer", "… is out of range for …".
protocol SpecInteger: FixedWidthInteger, SpecDecodable {}

extension SpecInteger {
    public static var expectedShape: String { ExpectedShape.integerWords(Self.self, article: true) }
    public static var expectedShapes: String { ExpectedShape.integerWords(Self.self, article: false) + "s" }

    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        guard case .number(let number) = value else { throw Self.mismatch(value, at: path, recorder) }
        guard let integer = number.integer(Self.self) else {
            recorder.record(path, ExpectedShape.integerProblem(number, as: Self.self))
            throw ProblemAlreadyRecorded()
        }
        self = integer
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
