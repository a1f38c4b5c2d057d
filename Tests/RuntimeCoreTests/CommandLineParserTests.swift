import Testing

@testable import RuntimeCore

/// A small grammar shaped like runc's: globals, a command with flags of every kind, one that does not reorder.
private let grammar = CommandLineGrammar(
    toolName: "swiftlet",
    globalFlags: [
        FlagSpec(["root"], .string, "state root"),
        FlagSpec(["debug"], .bool, "debug"),
        FlagSpec(["log-format"], .string, "format"),
        FlagSpec.help,
        FlagSpec(["version", "v"], .bool, "version"),
    ],
    commands: [
        CommandSpec(
            name: "run", usage: "run",
            flags: [
                FlagSpec(["bundle", "b"], .string, "bundle"),
                FlagSpec(["detach", "d"], .bool, "detach"),
                FlagSpec(["no-subreaper"], .bool, "no subreaper"),
                FlagSpec(["env", "e"], .repeated, "env"),
                FlagSpec(["preserve-fds"], .int, "fds"),
            ],
            arity: .exactly(1)),
        CommandSpec(
            name: "exec", usage: "exec", flags: [FlagSpec(["user", "u"], .string, "user")], arity: .atLeast(1),
            reordersFlags: false),
        CommandSpec(name: "kill", usage: "kill", flags: [FlagSpec(["all", "a"], .bool, "all")], arity: .between(1, 2)),
    ])

private func run(_ arguments: [String]) throws -> (globals: ParsedFlags, flags: ParsedFlags, arguments: [String]) {
    let invocation = try grammar.parse(arguments)
    guard case .run(_, let flags, let positionals) = invocation.action else {
        Issue.record("expected a command, got \(invocation.action)")
        return (invocation.globals, ParsedFlags(), [])
    }
    return (invocation.globals, flags, positionals)
}

private func usageError(_ arguments: [String]) -> UsageError? {
    do {
        _ = try grammar.parse(arguments)
        return nil
    } catch {
        return error
    }
}

@Test func valueFlagWithSeparateValue() throws {
    let parsed = try run(["run", "--bundle", "/b", "id1"])
    #expect(parsed.flags.string("bundle") == "/b")
    #expect(parsed.arguments == ["id1"])
}

@Test func valueFlagWithEquals() throws {
    let parsed = try run(["run", "--bundle=/b=c", "id1"])
    #expect(parsed.flags.string("bundle") == "/b=c")
}

@Test func singleDashLongFlagAndAlias() throws {
    let parsed = try run(["run", "-no-subreaper", "-b", "/b", "id1"])
    #expect(parsed.flags.bool("no-subreaper"))
    #expect(parsed.flags.string("bundle") == "/b")
}

@Test func boolFlagExplicitFalseAndTrue() throws {
    #expect(try !run(["run", "--detach=false", "id1"]).flags.bool("detach"))
    #expect(try run(["run", "-d=1", "id1"]).flags.bool("detach"))
    #expect(try run(["run", "--detach=false", "id1"]).flags.isSet("detach"))
}

@Test func boolFlagDoesNotTakeTheNextArgument() throws {
    let parsed = try run(["run", "--detach", "false"])
    #expect(parsed.flags.bool("detach"))
    #expect(parsed.arguments == ["false"])
}

@Test func valueFlagTakesANextArgumentThatLooksLikeAFlag() throws {
    #expect(try run(["run", "--bundle", "-d", "id1"]).flags.string("bundle") == "-d")
}

@Test func doubleDashEndsFlags() throws {
    let parsed = try run(["run", "--", "--detach"])
    #expect(!parsed.flags.bool("detach"))
    #expect(parsed.arguments == ["--detach"])
}

@Test func repeatedFlagKeepsEveryValueInOrder() throws {
    let parsed = try run(["run", "-e", "A=1", "--env", "B=2", "-e=C=3", "id1"])
    #expect(parsed.flags.strings("env") == ["A=1", "B=2", "C=3"])
}

@Test func lastValueWinsForPlainFlags() throws {
    #expect(try run(["run", "-b", "/one", "-b", "/two", "id1"]).flags.string("bundle") == "/two")
}

@Test func globalsBeforeTheCommand() throws {
    let parsed = try run(["--root", "/tmp/r", "-debug", "--log-format=json", "run", "id1"])
    #expect(parsed.globals.string("root") == "/tmp/r")
    #expect(parsed.globals.bool("debug"))
    #expect(parsed.globals.string("log-format") == "json")
    #expect(parsed.arguments == ["id1"])
}

@Test func knownFlagsAfterPositionalsAreReorderedLikeRunc() throws {
    let parsed = try run(["run", "id1", "--bundle", "/b", "-d"])
    #expect(parsed.flags.string("bundle") == "/b")
    #expect(parsed.flags.bool("detach"))
    #expect(parsed.arguments == ["id1"])
    let kill = try run(["kill", "ctr", "KILL", "--all"])
    #expect(kill.flags.bool("all"))
    #expect(kill.arguments == ["ctr", "KILL"])
}

@Test func execKeepsFlagsAfterTheContainerForTheProcess() throws {
    let parsed = try run(["exec", "-u", "1000", "ctr", "ps", "-u", "root"])
    #expect(parsed.flags.string("user") == "1000")
    #expect(parsed.arguments == ["ctr", "ps", "-u", "root"])
}

@Test func unknownFlagIsRuncsError() {
    let error = usageError(["run", "--bogus", "id1"])
    #expect(error == UsageError(.flag, "flag provided but not defined: -bogus", command: "run"))
    #expect(error?.exitStatus == 1)
    #expect(error?.headline == "Incorrect Usage: flag provided but not defined: -bogus")
    let global = usageError(["--bogus", "run"])
    #expect(global?.headline == "Incorrect Usage. flag provided but not defined: -bogus")
}

@Test func missingValueAndBadValuesAreRuncsErrors() {
    #expect(usageError(["run", "--bundle"])?.message == "flag needs an argument: -bundle")
    // Reordering moves `--bundle` before the id, which becomes its value, as in runc.
    #expect(usageError(["run", "id1", "--bundle"])?.message == "swiftlet: \"run\" requires exactly 1 argument(s)")
    #expect(usageError(["run", "--detach=maybe", "id1"])?.message == "invalid boolean value \"maybe\" for -detach: parse error")
    #expect(usageError(["run", "--preserve-fds", "x", "id1"])?.message == "invalid value \"x\" for flag -preserve-fds: parse error")
    #expect(usageError(["run", "---x", "id1"])?.message == "bad flag syntax: ---x")
}

@Test func arityErrorsUseRuncsWording() {
    #expect(usageError(["run"])?.message == "swiftlet: \"run\" requires exactly 1 argument(s)")
    #expect(usageError(["exec"])?.message == "swiftlet: \"exec\" requires a minimum of 1 argument(s)")
    #expect(usageError(["kill", "a", "b", "c"])?.message == "swiftlet: \"kill\" requires a maximum of 2 argument(s)")
    #expect(usageError(["run"])?.headline == "Incorrect Usage.")
}

@Test func unknownCommandExitsThreeLikeRunc() {
    let error = usageError(["nosuch"])
    #expect(error?.message == "No help topic for 'nosuch'")
    #expect(error?.exitStatus == 3)
}

@Test func helpAndVersion() throws {
    #expect(try grammar.parse(["--help"]).action == .showHelp(command: nil))
    #expect(try grammar.parse([]).action == .showHelp(command: nil))
    #expect(try grammar.parse(["-v"]).action == .showVersion)
    #expect(try grammar.parse(["run", "-h"]).action == .showHelp(command: "run"))
    #expect(try grammar.parse(["help", "kill"]).action == .showHelp(command: "kill"))
}

@Test func helpTextIsGeneratedFromTheFlagTable() throws {
    let formatter = HelpFormatter(grammar: grammar, toolUsage: "runtime", toolDescription: "", versionText: "0.1.0")
    let spec = try #require(grammar.command(named: "run"))
    let text = formatter.commandHelp(spec)
    #expect(text.contains("USAGE:\n   swiftlet run [command options] "))
    #expect(text.contains("   --bundle value, -b value  bundle\n"))
    #expect(text.contains("   --detach, -d              detach\n"))
    #expect(formatter.toolHelp().contains("   run      run\n"))
}

/// docker's `update --resources - ID`: "-" (stdin) is the flag's value, not a flag, and ID stays the argument.
@Test func aDashAloneIsAFlagValue() throws {
    let reordered = FlagParser.reorder(
        ["--resources", "-", "c1"], flags: [FlagSpec(["resources", "r"], .string, "resources file or - for stdin")])
    #expect(reordered == ["--resources", "-", "c1"])
}
