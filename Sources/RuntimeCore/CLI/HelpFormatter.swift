/// Help texts generated from the flag and command tables, in urfave/cli's layout (NAME, USAGE, …, OPTIONS).
public struct HelpFormatter: Sendable {
    public var grammar: CommandLineGrammar
    /// One line after the tool's name, e.g. "Open Container Initiative runtime".
    public var toolUsage: String
    public var toolDescription: String
    public var versionText: String

    public init(grammar: CommandLineGrammar, toolUsage: String, toolDescription: String, versionText: String) {
        self.grammar = grammar
        self.toolUsage = toolUsage
        self.toolDescription = toolDescription
        self.versionText = versionText
    }

    public func toolHelp() -> String {
        let tool = grammar.toolName
        var text = "NAME:\n   \(tool) - \(toolUsage)\n\n"
        if !toolDescription.isEmpty { text += "\(toolDescription)\n\n" }
        text += "USAGE:\n   \(tool) [global options] command [command options] [arguments...]\n\n"
        text += "VERSION:\n   \(versionText)\n\n"
        text += "COMMANDS:\n"
        let rows = grammar.commands.map { ($0.name, $0.usage) } + [("help, h", "Shows a list of commands or help for one command")]
        text += table(rows)
        text += "\nGLOBAL OPTIONS:\n"
        text += table(grammar.globalFlags.map { (flagColumn($0), usageColumn($0)) })
        return text
    }

    public func commandHelp(_ spec: CommandSpec) -> String {
        let tool = grammar.toolName
        var text = "NAME:\n   \(tool) \(spec.name) - \(spec.usage)\n\n"
        let options = spec.flags.isEmpty ? "" : " [command options]"
        text += "USAGE:\n   \(tool) \(spec.name)\(options) \(spec.argsUsage)\n"
        if !spec.description.isEmpty { text += "\nDESCRIPTION:\n   \(spec.description)\n" }
        if !spec.flags.isEmpty {
            text += "\nOPTIONS:\n"
            text += table(spec.flags.map { (flagColumn($0), usageColumn($0)) })
        }
        return text
    }

    /// `--bundle value, -b value`: two dashes for long names, one for single letters.
    func flagColumn(_ flag: FlagSpec) -> String {
        flag.names.map { name in
            let dashes = name.count == 1 ? "-" : "--"
            return flag.takesValue ? "\(dashes)\(name) value" : "\(dashes)\(name)"
        }.joined(separator: ", ")
    }

    func usageColumn(_ flag: FlagSpec) -> String {
        guard let defaultText = flag.defaultText else { return flag.usage }
        let shown = flag.kind == .int ? defaultText : GoQuoting.quote(defaultText)
        return "\(flag.usage) (default: \(shown))"
    }

    /// Two columns, the first padded to the widest entry plus two spaces, indented by three.
    private func table(_ rows: [(String, String)]) -> String {
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { left, right in
            "   " + left + String(repeating: " ", count: width - left.count + 2) + right + "\n"
        }.joined()
    }
}
