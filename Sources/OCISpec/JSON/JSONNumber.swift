/// A JSON number as written; converted on demand so no precision is lost before the target type is known.
public struct JSONNumber: Sendable, Equatable, CustomStringConvertible {
    /// The literal text, already checked against the RFC 8259 grammar.
    public let literal: String

    public init(literal: String) {
        self.literal = literal
    }

    public var description: String { literal }

    /// No fraction and no exponent: `12`, `-1`, but not `1.0` or `1e3` (Go's decoder refuses those for integers too).
    public var isInteger: Bool {
        !literal.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") })
    }

    public var isNegative: Bool { literal.utf8.first == UInt8(ascii: "-") }

    /// The value as UInt64, nil when not an integer, negative (other than -0) or too large.
    public var uint64Value: UInt64? {
        guard isInteger else { return nil }
        var digits = Substring(literal).utf8[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        guard let magnitude = Self.magnitude(digits) else { return nil }
        if negative && magnitude != 0 { return nil }
        return magnitude
    }

    /// The value as Int64, nil when not an integer or out of range.
    public var int64Value: Int64? {
        guard isInteger else { return nil }
        var digits = Substring(literal).utf8[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        guard let magnitude = Self.magnitude(digits) else { return nil }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            return magnitude <= UInt64(Int64.max) ? -Int64(magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// The value as Double (nearest representable; nil only if the literal overflows to infinity).
    public var doubleValue: Double? {
        guard let value = Double(literal), value.isFinite else { return nil }
        return value
    }

    /// Converts to any fixed-width integer, nil when not an integer or out of range.
    public func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
        if T.isSigned {
            guard let wide = int64Value else { return nil }
            return T(exactly: wide)
        }
        guard let wide = uint64Value else { return nil }
        return T(exactly: wide)
    }

    private static func magnitude(_ digits: Substring.UTF8View.SubSequence) -> UInt64? {
        guard !digits.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            if overflow1 || overflow2 { return nil }
            value = sum
        }
        return value
    }
}
