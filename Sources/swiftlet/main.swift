import Glibc

// Entry point: everything happens in TopLevel; the exit status is the command's (or 1 on error).
// The arguments are read from argv directly: CommandLine.arguments builds its array through the stdlib's generic
// map, growing it step by step (about 30 µs of every start-up in bench (a)).
var arguments: [String] = []
let argumentCount = Int(CommandLine.argc)
if argumentCount > 1 {
    arguments.reserveCapacity(argumentCount - 1)
    for index in 1..<argumentCount {
        guard let argument = CommandLine.unsafeArgv[index] else { break }
        arguments.append(String(cString: argument))
    }
}
exit(TopLevel.run(arguments))
