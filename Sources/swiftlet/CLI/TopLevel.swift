import RuntimeCore

/// Parses, dispatches, and is the one place errors are reported: the message goes to the log (the
/// `--log` file, or stderr in the log format) and, when logging to a file, also bare to stderr — as
/// runc does, so engines find it either way. Usage errors also print the help, to stderr.
enum TopLevel {
    static func run(_ arguments: [String]) -> Int32 {
        let parsedGlobals: ParsedFlags
        let rest: [String]
        do {
            (parsedGlobals, rest) = try Tool.grammar.parseGlobals(arguments)
        } catch {
            return reportUsage(error)
        }
        // Logging is set up before the command is parsed, so its usage errors reach the --log file too.
        let globals: GlobalOptions
        do {
            globals = try GlobalOptions(parsedGlobals)
            try Log.configure(path: globals.logPath, format: globals.logFormat, debug: globals.debug)
        } catch {
            return report(error)
        }
        do {
            return perform(try Tool.grammar.resolve(globals: parsedGlobals, rest: rest), globals: globals)
        } catch {
            return reportUsage(error)
        }
    }

    static func perform(_ action: CommandLineGrammar.Action, globals: GlobalOptions) -> Int32 {
        switch action {
        case .showVersion:
            Output.write("\(Tool.name) version \(Tool.versionText)\n")
            return 0
        case .showHelp(let name):
            Output.write(helpText(for: name))
            return 0
        case .run(let name, let flags, let arguments):
            guard let command = Tool.command(named: name) else { return 1 }
            Log.debug("\(name) \(arguments)")
            do {
                return try command.run(CommandContext(globals: globals, flags: flags, arguments: arguments))
            } catch {
                return report(error)
            }
        }
    }

    static func helpText(for command: String?) -> String {
        guard let command, let spec = Tool.grammar.command(named: command) else { return Tool.help.toolHelp() }
        return Tool.help.commandHelp(spec)
    }

    static func report(_ error: any Error) -> Int32 {
        let message = String(describing: error)
        Log.error(message)
        if Log.writesToFile { Output.writeError(message + "\n") }
        return 1
    }

    static func reportUsage(_ error: UsageError) -> Int32 {
        if error.kind != .unknownCommand {
            Output.writeError(error.headline + "\n\n" + helpText(for: error.command))
        }
        Log.error(error.message)
        if Log.writesToFile { Output.writeError(error.message + "\n") }
        return error.exitStatus
    }
}
