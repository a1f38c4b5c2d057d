/// Collects decoding problems as they are found, shared by every decoder and container of one decode.
public final class ProblemRecorder {
    private(set) var problems: [ConfigProblem] = []
    /// Paths of optional fields that were left nil because something inside them failed;
    /// semantic checks that read them are skipped rather than reporting consequences of the first problem.
    private(set) var droppedPaths: [String] = []

    func record(_ path: [any CodingKey], _ message: String) {
        record(JSONPath.render(path), message)
    }

    func dropped(_ path: [any CodingKey]) {
        dropped(JSONPath.render(path))
    }

    /// The same with the path already rendered (SpecDecodable builds it as it goes).
    func record(_ path: String, _ message: String) {
        problems.append(.error(path, message))
    }

    func dropped(_ path: String) {
        droppedPaths.append(path)
    }
}

/// Thrown after a problem has been recorded, so that ancestors unwind without recording it again.
public struct ProblemAlreadyRecorded: Error {}
