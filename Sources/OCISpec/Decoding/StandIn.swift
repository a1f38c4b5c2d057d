/// JSON that decodes to a harmless placeholder of a type: "", 0, false, the first enum case, [], {}.
/// Used only while a failed value's siblings are still being checked; placeholders never reach callers.
enum StandIn {
    static func value(for type: Any.Type) -> JSONValue {
        if type is any OptionalShape.Type { return .null }
        if type == String.self { return .string("") }
        if type == Bool.self { return .bool(false) }
        if type is any FixedWidthInteger.Type || type == Double.self || type == Float.self {
            return .number(JSONNumber(literal: "0"))
        }
        if let spec = type as? any SpecEnum.Type { return .string(firstRawValue(spec)) }
        if type is any ArrayShape.Type { return .array([]) }
        return .object(JSONObject())
    }

    private static func firstRawValue<E: SpecEnum>(_ type: E.Type) -> String {
        E.allCases.first?.rawValue ?? ""
    }
}
