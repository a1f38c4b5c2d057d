import Glibc

// Entry point: everything happens in TopLevel; the exit status is the command's (or 1 on error).
exit(TopLevel.run(Array(CommandLine.arguments.dropFirst())))
