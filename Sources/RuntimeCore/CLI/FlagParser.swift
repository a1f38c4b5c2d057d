/// Flags with the grammar of Go's `flag` package, which runc's urfave/cli v1 uses underneath:
/// `-name` and `--name` are the same flag; values go as `--name v` or `--name=v` (a value flag takes the
/// next argument even when it starts with `-`); bool flags take a value only after `=`; parsing stops
/// at the first non-flag argument or at `-`; `--` ends the flags and is dropped.
public enum FlagParser {
    public static func parse(
        _ arguments: [String], flags: [FlagSpec], command: String?
    ) throws(UsageError) -> (flags: ParsedFlags, rest: [String]) {
        var parsed = ParsedFlags()
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            guard argument.count >= 2, argument.hasPrefix("-") else { break }
            index += 1
            if argument == "--" { break }
            let dashes = argument.hasPrefix("--") ? 2 : 1
            let body = argument.dropFirst(dashes)
            guard let first = body.first, first != "-", first != "=" else {
                throw UsageError(.flag, "bad flag syntax: \(argument)", command: command)
            }
            let name: String
            var inlineValue: String?
            if let equals = body.dropFirst().firstIndex(of: "=") {
                name = String(body[..<equals])
                inlineValue = String(body[body.index(after: equals)...])
            } else {
                name = String(body)
            }
            guard let spec = flags.spec(named: name) else {
                throw UsageError(.flag, "flag provided but not defined: -\(name)", command: command)
            }
            switch spec.kind {
            case .bool:
                let value = inlineValue ?? "true"
                guard GoBool.parse(value) != nil else {
                    throw UsageError(
                        .flag, "invalid boolean value \(GoQuoting.quote(value)) for -\(name): parse error",
                        command: command)
                }
                parsed.record(spec, value: value)
            case .string, .int, .repeated:
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else if index < arguments.endIndex {
                    value = arguments[index]
                    index += 1
                } else {
                    throw UsageError(.flag, "flag needs an argument: -\(name)", command: command)
                }
                if spec.kind == .int, Int(value) == nil {
                    throw UsageError(
                        .flag, "invalid value \(GoQuoting.quote(value)) for flag -\(name): parse error",
                        command: command)
                }
                parsed.record(spec, value: value)
            }
        }
        return (parsed, Array(arguments[index...]))
    }

    /// urfave/cli v1's argument reordering: flags the command declares are moved before the positional
    /// arguments (each with the following argument when it does not contain `=` and does not start
    /// with `-`), so `runc delete ID --force` works. Unknown flags stay where they are; nothing after
    /// `--` moves.
    public static func reorder(_ arguments: [String], flags: [FlagSpec]) -> [String] {
        var moved: [String] = []
        var remaining: [String] = []
        var nextMayBeValue = false
        for (offset, argument) in arguments.enumerated() {
            if argument == "--" {
                remaining.append(contentsOf: arguments[offset...])
                break
            } else if nextMayBeValue && (argument == "-" || !argument.hasPrefix("-")) {
                // "-" is a value (stdin), as in docker's `update --resources - ID`.
                nextMayBeValue = false
                moved.append(argument)
            } else if isDeclaredFlag(argument, flags: flags) {
                moved.append(argument)
                nextMayBeValue = !argument.contains("=")
            } else {
                remaining.append(argument)
            }
        }
        return moved + remaining
    }

    private static func isDeclaredFlag(_ argument: String, flags: [FlagSpec]) -> Bool {
        guard argument != "-", argument.hasPrefix("-") else { return false }
        let body = argument.hasPrefix("--") ? argument.dropFirst(2) : argument.dropFirst(1)
        let name = body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return flags.spec(named: String(name)) != nil
    }
}
