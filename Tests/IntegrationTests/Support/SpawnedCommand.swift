import Glibc

/// What one finished command did: its exit status (128+N when a signal ended it, as a shell reports it), its
/// captured output, and whether the deadline ran out first (the command was then killed).
struct CommandResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    var timedOut: Bool

    /// stdout then stderr, for messages that may land on either.
    var output: String { stdout + stderr }

    var description: String {
        "exit \(status)\(timedOut ? " (timed out)" : "")\nstdout: \(stdout)\nstderr: \(stderr)"
    }
}

/// A process started with stdin from /dev/null and stdout/stderr into files, waited for with a deadline so a
/// hanging runtime fails its test instead of hanging the whole suite.
final class SpawnedCommand {
    let pid: pid_t
    let arguments: [String]
    private let stdoutPath: String
    private let stderrPath: String

    private init(pid: pid_t, arguments: [String], stdoutPath: String, stderrPath: String) {
        self.pid = pid
        self.arguments = arguments
        self.stdoutPath = stdoutPath
        self.stderrPath = stderrPath
    }

    /// Starts `arguments[0]` (an absolute path) with the rest as its arguments; output goes to
    /// `<outputPrefix>.stdout` and `<outputPrefix>.stderr`; `extraFiles` are opened read-only as fds 3, 4, ….
    /// Nil when posix_spawn fails.
    static func start(_ arguments: [String], outputPrefix: String, extraFiles: [String] = []) -> SpawnedCommand? {
        guard let program = arguments.first else { return nil }
        let out = outputPrefix + ".stdout", err = outputPrefix + ".stderr"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        for (index, file) in extraFiles.enumerated() {
            posix_spawn_file_actions_addopen(&actions, Int32(3 + index), file, O_RDONLY, 0)
        }
        var cArguments = arguments.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, program, &actions, nil, &cArguments, environ) == 0 else { return nil }
        return SpawnedCommand(pid: pid, arguments: arguments, stdoutPath: out, stderrPath: err)
    }

    /// Runs to completion (or the deadline) and returns what happened.
    static func run(
        _ arguments: [String], outputPrefix: String, extraFiles: [String] = [], timeoutSeconds: Double = 30
    ) -> CommandResult {
        guard let command = start(arguments, outputPrefix: outputPrefix, extraFiles: extraFiles) else {
            return CommandResult(status: -1, stdout: "", stderr: "cannot start \(arguments)", timedOut: false)
        }
        return command.wait(timeoutSeconds: timeoutSeconds)
    }

    /// Waits until the process exits; past the deadline it is killed with SIGKILL and reported as timed out.
    func wait(timeoutSeconds: Double) -> CommandResult {
        let deadline = Monotonic.now + timeoutSeconds
        var status: Int32 = 0
        var timedOut = false
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped == -1 && errno != EINTR { break }
            if Monotonic.now > deadline && !timedOut {
                timedOut = true
                kill(pid, SIGKILL)
            }
            usleep(5_000)
        }
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return CommandResult(
            status: code, stdout: CLIHarness.readFile(stdoutPath), stderr: CLIHarness.readFile(stderrPath), timedOut: timedOut)
    }
}

/// Seconds on CLOCK_MONOTONIC, for deadlines.
enum Monotonic {
    static var now: Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Polls `condition` every 10 ms until it holds (true) or `timeoutSeconds` pass (false).
    static func poll(timeoutSeconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = now + timeoutSeconds
        while now < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }
}
