/// Where and why a document is not JSON: `line 3, column 17: expected ',' or '}' after object member`.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in characters (UTF-8 sequences), not bytes.
    public var column: Int
    /// 0-based byte offset.
    public var offset: Int
    public var message: String

    public init(line: Int, column: Int, offset: Int, message: String) {
        self.line = line
        self.column = column
        self.offset = offset
        self.message = message
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}
