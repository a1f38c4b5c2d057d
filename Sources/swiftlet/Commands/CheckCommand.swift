import RuntimeCore

/// `check [--bundle d] [--format text|json]` (swiftlet's own): every problem of the bundle's config.json
/// and of this host for it, at once, on stdout. Exit 0 when there is no error (warnings allowed), else 1.
enum CheckCommand: Command {
    static let spec = CommandSpec(
        name: "check", usage: "check a bundle's config.json and this host for it, reporting every problem",
        argsUsage: "",
        description: """
            The check command reports every problem of the bundle's config.json (with its JSON path)
            and every host feature the configuration needs but this host lacks.
            """,
        flags: [
            FlagSpec(["bundle", "b"], .string, "path to the root of the bundle directory, defaults to the current directory"),
            FlagSpec(["format", "f"], .string, "select one of: text or json", default: "text"),
        ],
        arity: .exactly(0))

    static func run(_ context: CommandContext) throws -> Int32 {
        let format = context.flags.string("format") ?? "text"
        guard format == "text" || format == "json" else {
            throw RuntimeError.invalidArgument("invalid format option \"\(format)\": expected text or json")
        }
        let bundle = context.flags.string("bundle").flatMap { $0.isEmpty ? nil : $0 } ?? "."
        let problems = BundleCheck.run(bundle: bundle)
        Output.write(format == "json" ? BundleCheck.json(problems) : BundleCheck.text(problems))
        return problems.contains { $0.severity == .error } ? 1 : 0
    }
}
