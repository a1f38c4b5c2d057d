import LinuxSys
import OCISpec

/// `swiftlet check`: every problem of a bundle at once — config.json's syntax, types and semantics
/// (OCISpec) followed by what this host lacks for it (`HostCheck.all`).
public enum BundleCheck {
    public static func run(bundle: String, host: HostFacts = .probe()) -> [ConfigProblem] {
        let path = bundle + "/config.json"
        let bytes: [UInt8]
        do { bytes = try FileContents.read(path) } catch {
            return [.error("config.json", "cannot read \(path): \(error.errno)")]
        }
        let (spec, problems) = SpecLoader.diagnose(bytes: bytes)
        guard let spec else { return problems }
        return problems + HostCheck.runAll(spec: spec, bundle: bundle, host: host)
    }

    /// One `path: message` line per problem (`warning: ` before warnings); `config.json: ok` when clean.
    public static func text(_ problems: [ConfigProblem]) -> String {
        var lines = problems.map { problem in
            problem.severity == .warning ? "warning: \(problem)" : problem.description
        }
        if !problems.contains(where: { $0.severity == .error }) {
            let warnings = problems.count
            lines.append(warnings == 0 ? "config.json: ok" : "config.json: ok (\(warnings) warning\(warnings == 1 ? "" : "s"))")
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// `[{"path": …, "message": …, "severity": …}]`, `[]` when clean.
    public static func json(_ problems: [ConfigProblem]) -> String {
        JSONOutput.array(problems.map { problem in
            .object([
                .init("path", .string(problem.path)),
                .init("message", .string(problem.message)),
                .init("severity", .string(problem.severity.rawValue)),
            ])
        }).rendered(indent: "  ") + "\n"
    }
}
