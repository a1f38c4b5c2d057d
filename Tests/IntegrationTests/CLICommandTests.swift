import Glibc
import OCISpec
import Testing

/// The commands that need no container: features, list, state of nothing, --version, logging, usage errors.
@Suite(.enabled(if: CLIHarness.canRun, "needs root and the built swiftlet binary (SWIFTLET_BIN)"))
struct CLICommandTests {
    @Test func featuresIsJSONWithTheSpecRange() throws {
        let temp = CLITemporaryDirectory()
        defer { temp.remove() }
        let result = CLIHarness.run(["features"], in: temp)
        #expect(result.status == 0)
        guard case .object(let features) = try #require(CLIHarness.parseJSON(result.stdout)) else {
            Issue.record("features is not an object")
            return
        }
        #expect(features["ociVersionMin"] == .string("1.0.0"))
        #expect(features["ociVersionMax"] == .string("1.3.0"))
        guard case .object(let linux) = features["linux"], case .array(let namespaces) = linux["namespaces"] else {
            Issue.record("no linux.namespaces")
            return
        }
        #expect(namespaces.count == 8)
        #expect(features.keys == features.keys.sorted())
    }

    @Test func listOnAnEmptyRoot() {
        let temp = CLITemporaryDirectory()
        defer { temp.remove() }
        let root = temp.path + "/root"
        let table = CLIHarness.run(["--root", root, "list"], in: temp)
        #expect(table.status == 0)
        #expect(table.stdout == "ID          PID         STATUS      BUNDLE      CREATED     OWNER\n")
        let json = CLIHarness.run(["--root", root, "list", "--format", "json"], in: temp)
        #expect(json.stdout == "[]\n")
        let quiet = CLIHarness.run(["--root", root, "list", "-q"], in: temp)
        #expect(quiet.status == 0 && quiet.stdout.isEmpty)
    }

    @Test func stateOfAnUnknownContainerFails() {
        let temp = CLITemporaryDirectory()
        defer { temp.remove() }
        let result = CLIHarness.run(["--root", temp.path, "state", "nosuch"], in: temp)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("container does not exist"))
        #expect(result.stderr.contains("level=error"))
    }

    @Test func jsonLogFileGetsAParseableErrorLine() throws {
        let temp = CLITemporaryDirectory()
        defer { temp.remove() }
        let log = temp.path + "/x.log"
        let result = CLIHarness.run(["--root", temp.path, "--log", log, "--log-format", "json", "state", "nosuch"], in: temp)
        #expect(result.status == 1)
        #expect(result.stderr == "container does not exist\n")
        let lines = CLIHarness.readFile(log).split(separator: "\n")
        #expect(lines.count == 1)
        guard case .object(let line) = try #require(CLIHarness.parseJSON(String(lines.last ?? ""))) else {
            Issue.record("log line is not an object")
            return
        }
        #expect(line["level"] == .string("error"))
        #expect(line["msg"] == .string("container does not exist"))
        guard case .string(let time) = line["time"] else {
            Issue.record("no time")
            return
        }
        #expect(time.count == 20 && time.hasSuffix("Z"))
    }

    @Test func unknownFlagIsRuncsUsageError() {
        let temp = CLITemporaryDirectory()
        defer { temp.remove() }
        let command = CLIHarness.run(["--root", temp.path, "list", "--bogus"], in: temp)
        #expect(command.status == 1)
        #expect(command.stdout.isEmpty)
        #expect(command.stderr.hasPrefix("Incorrect Usage: flag provided but not defined: -bogus\n"))
        #expect(command.stderr.contains("msg=\"flag provided but not defined: -bogus\""))
        let global = CLIHarness.run(["--bogus", "list"], in: temp)
        #expect(global.status == 1)
        #expect(global.stderr.hasPrefix("Incorrect Usage. flag provided but not defined: -bogus\n"))
    }

    @Test func unknownCommandIsRuncsNoHelpTopic() {
        let temp = CLITemporaryDirectory()
        defer { temp.remove() }
        let result = CLIHarness.run(["nosuchcmd"], in: temp)
        #expect(result.status == 3)
        #expect(result.stderr.contains("No help topic for 'nosuchcmd'"))
    }

    @Test func missingArgumentIsRuncsArityError() {
        let temp = CLITemporaryDirectory()
        defer { temp.remove() }
        let result = CLIHarness.run(["state"], in: temp)
        #expect(result.status == 1)
        #expect(result.stderr.contains(#"swiftlet: \"state\" requires exactly 1 argument(s)"#))
    }

    @Test func badOptionValuesUseRuncsTexts() {
        let temp = CLITemporaryDirectory()
        defer { temp.remove() }
        let logFormat = CLIHarness.run(["--root", temp.path, "--log-format", "xml", "list"], in: temp)
        #expect(logFormat.status == 1)
        #expect(logFormat.stderr.contains("invalid log-format: xml"))
        let listFormat = CLIHarness.run(["--root", temp.path, "list", "--format=xml"], in: temp)
        #expect(listFormat.status == 1)
        #expect(listFormat.stdout.isEmpty)
        #expect(listFormat.stderr.contains("invalid format option"))
    }

    @Test func helpForACommandComesFromItsFlagTable() {
        let temp = CLITemporaryDirectory()
        defer { temp.remove() }
        for arguments in [["help", "list"], ["list", "--help"], ["list", "-h"]] {
            let result = CLIHarness.run(arguments, in: temp)
            #expect(result.status == 0)
            #expect(result.stdout.hasPrefix("NAME:\n   swiftlet list - "))
            #expect(result.stdout.contains("--quiet, -q"))
        }
    }

    /// Every command the tool's help lists answers its own --help under its own name (the grammar looks command
    /// specs up by name, lazily: a name mapped to the wrong command would show here).
    @Test func everyListedCommandHasItsOwnHelp() {
        let temp = CLITemporaryDirectory()
        defer { temp.remove() }
        let help = CLIHarness.run(["--help"], in: temp).stdout
        let listed = help.split(separator: "\n").drop { !$0.hasPrefix("COMMANDS:") }.dropFirst()
            .prefix { $0.hasPrefix("   ") }.compactMap { $0.split(separator: " ").first.map(String.init) }
            .filter { !$0.hasPrefix("help") }
        // runc's commands in runc's order, then swiftlet's own.
        #expect(listed == ["create", "delete", "events", "exec", "kill", "list", "pause", "ps", "resume", "run", "spec", "start",
                           "state", "update", "features", "check"], "\(help)")
        for name in listed {
            let result = CLIHarness.run([name, "--help"], in: temp)
            #expect(result.status == 0 && result.stdout.hasPrefix("NAME:\n   swiftlet \(name) - "), "\(name): \(result.stdout.prefix(80))")
        }
    }

    @Test func versionHasRuncsShape() {
        let temp = CLITemporaryDirectory()
        defer { temp.remove() }
        for flag in ["--version", "-v"] {
            let result = CLIHarness.run([flag], in: temp)
            #expect(result.status == 0)
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.first?.hasPrefix("swiftlet version ") == true)
            #expect(lines.dropFirst().first?.hasPrefix("commit: ") == true)
            #expect(lines.last == "spec: 1.3.0")
        }
    }
}
