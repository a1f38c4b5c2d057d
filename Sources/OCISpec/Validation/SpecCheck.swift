/// One named semantic rule over a decoded `Spec` (model: runc's libcontainer/configs/validate).
public struct SpecCheck: Sendable {
    public let name: String
    /// JSON paths the rule looks at. When decoding dropped one of them (or something inside it),
    /// the rule is skipped: its verdict would only echo the decoding problem.
    public let reads: [String]
    public let run: @Sendable (Spec) -> [ConfigProblem]

    public init(_ name: String, reads: [String], _ run: @escaping @Sendable (Spec) -> [ConfigProblem]) {
        self.name = name
        self.reads = reads
        self.run = run
    }

    func reads(anyOf droppedPaths: [String]) -> Bool {
        reads.contains { read in
            droppedPaths.contains { dropped in JSONPath.contains(dropped, read) || JSONPath.contains(read, dropped) }
        }
    }
}
