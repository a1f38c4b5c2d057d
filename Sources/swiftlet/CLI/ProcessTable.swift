import RuntimeCore
import Glibc

/// `ps` in table form, as runc does it: run the host's `ps` (default `-ef`) and keep the header and the lines
/// whose PID column is one of the container's.
enum ProcessTable {
    static func render(pids: [Int32], psArguments: [String]) throws -> String {
        let arguments = psArguments.isEmpty ? ["-ef"] : psArguments
        let output = try run(["ps"] + arguments)
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { return "" }
        let header = lines.removeFirst()
        guard let pidColumn = header.split(separator: " ", omittingEmptySubsequences: true).firstIndex(of: "PID") else {
            throw RuntimeError.invalidArgument("couldn't find PID field in ps output")
        }
        let wanted = Set(pids)
        let kept = lines.filter { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            return fields.count > pidColumn && Int32(fields[pidColumn]).map(wanted.contains) == true
        }
        return ([header] + kept).joined(separator: "\n") + "\n"
    }

    private static func run(_ argv: [String]) throws -> String {
        var pipeFDs: [Int32] = [-1, -1]
        guard pipe(&pipeFDs) == 0 else { throw RuntimeError.invalidArgument("ps: pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], STDOUT_FILENO)
        posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        let spawned = posix_spawnp(&pid, "ps", &actions, nil, cArgs, environ)
        close(pipeFDs[1])
        guard spawned == 0 else { close(pipeFDs[0]); throw RuntimeError.invalidArgument("exec: \"ps\": executable file not found in $PATH") }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(pipeFDs[0], &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        close(pipeFDs[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return String(decoding: bytes, as: UTF8.self)
    }
}
