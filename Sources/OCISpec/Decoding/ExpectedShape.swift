/// Names the JSON a Swift type expects, in words: "a string", "an array of strings", "an unsigned 32-bit integer".
enum ExpectedShape {
    static func singular(_ type: Any.Type) -> String {
        if let optional = type as? any OptionalShape.Type { return singular(optional.wrappedType) }
        if type == String.self { return "a string" }
        if type == Bool.self { return "a boolean" }
        if let integer = type as? any FixedWidthInteger.Type { return integerWords(integer, article: true) }
        if type == Double.self || type == Float.self { return "a number" }
        if let spec = type as? any SpecEnum.Type { return spec.specKind.first.map { "aeiouAEIOU".contains($0) } == true ? "an \(spec.specKind) string" : "a \(spec.specKind) string" }
        if let array = type as? any ArrayShape.Type { return "an array of \(plural(array.elementType))" }
        return "an object"
    }

    static func plural(_ type: Any.Type) -> String {
        if let optional = type as? any OptionalShape.Type { return plural(optional.wrappedType) }
        if type == String.self { return "strings" }
        if type == Bool.self { return "booleans" }
        if let integer = type as? any FixedWidthInteger.Type { return integerWords(integer, article: false) + "s" }
        if type == Double.self || type == Float.self { return "numbers" }
        if let spec = type as? any SpecEnum.Type { return "\(spec.specKind) strings" }
        if let array = type as? any ArrayShape.Type { return "arrays of \(plural(array.elementType))" }
        return "objects"
    }

    /// The integer types the spec uses, by identity: `type as? any FixedWidthInteger.Type` scans every protocol
    /// conformance record of the binary the first time it sees a type, and decoding asks it of every value.
    static func integerType(_ type: Any.Type) -> (any FixedWidthInteger.Type)? {
        let integers: [any FixedWidthInteger.Type] = [
            Int.self, Int8.self, Int16.self, Int32.self, Int64.self, UInt.self, UInt8.self, UInt16.self, UInt32.self, UInt64.self,
        ]
        return integers.first { $0 == type }
    }

    static func integerWords<I: FixedWidthInteger>(_ type: I.Type, article: Bool) -> String {
        let words = (I.isSigned ? "" : "unsigned ") + "\(I.bitWidth)-bit integer"
        guard article else { return words }
        return I.isSigned ? "a " + words : "an " + words
    }

    /// What is wrong with a number that is no `I`: out of the type's range, or not an integer at all.
    static func integerProblem<I: FixedWidthInteger>(_ number: JSONNumber, as type: I.Type) -> String {
        let words = integerWords(type, article: true)
        if number.isInteger { return "\(number.literal) is out of range for \(words) (\(I.min)…\(I.max))" }
        return "expected \(words), found \(number.literal)"
    }
}

protocol OptionalShape {
    static var wrappedType: Any.Type { get }
}

extension Optional: OptionalShape {
    static var wrappedType: Any.Type { Wrapped.self }
}

protocol ArrayShape {
    static var elementType: Any.Type { get }
}

extension Array: ArrayShape {
    static var elementType: Any.Type { Element.self }
}
