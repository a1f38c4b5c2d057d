import OCISpec
import LinuxSys
import Glibc

/// One hook entry of config.json run to completion: `path` exec'd with `args` (argv[0] included, as Go's
/// exec.Cmd takes them) and `env` (absent: the runtime's own environment, as runc's Go does), the state JSON
/// on stdin, stdout and stderr collected for the error message, killed after `timeout` seconds.
struct HookCommand {
    let hook: Hook

    /// How the hook ended, when it did not succeed.
    enum Outcome: Equatable {
        case exited(Int32)
        case signaled(Int32)
        case timedOut(Int)
        case couldNotStart(String)
    }

    /// Runs the hook; nil on exit status 0, else what went wrong and what it printed.
    func run(stdin state: [UInt8]) -> (outcome: Outcome, output: String)? {
        do {
            let input = try Pipe()
            let output = try Pipe()
            return try spawn(state, input: input, output: output)
        } catch {
            return (.couldNotStart(error.description), "")
        }
    }

    private func spawn(_ state: [UInt8], input: consuming Pipe, output: consuming Pipe) throws(SystemError) -> (outcome: Outcome, output: String)? {
        let child = try Processes.fork()
        guard case .parent(let pid) = child else {
            execHook(stdin: input.read.rawValue, output: output.write.rawValue)
        }
        try? input.read.close()
        try? output.write.close()
        feed(state, to: input.write)
        try? input.write.close()
        return wait(pid: pid, output: output.read)
    }

    /// In the forked child: stdio wired to the pipes, a clean signal mask (`run` blocks every signal), exec.
    private func execHook(stdin: Int32, output: Int32) -> Never {
        _ = dup2(stdin, 0)
        _ = dup2(output, 1)
        _ = dup2(output, 2)
        _ = try? SignalSet().setMask()
        let args = (hook.args ?? []).isEmpty ? [hook.path] : hook.args ?? []
        let env = hook.env ?? HookCommand.currentEnvironment()
        do { try Exec.execve(path: hook.path, args: args, env: env) } catch {
            let message = "\(error)\n"
            _ = message.withCString { write(2, $0, strlen($0)) }
        }
        Processes.exitImmediately(127)
    }

    /// The state goes in with one non-blocking write: a hook that never reads stdin must not stall us, and
    /// SIGPIPE is blocked for the write so a hook that exits at once does not kill the runtime.
    private func feed(_ bytes: [UInt8], to fd: borrowing FileDescriptor) {
        try? fd.setNonBlocking()
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        _ = bytes.withUnsafeBytes { write(fd.rawValue, $0.baseAddress, $0.count) }
        var pending = sigset_t()
        sigpending(&pending)
        if sigismember(&pending, SIGPIPE) == 1 && sigismember(&previous, SIGPIPE) == 0 {
            var zero = timespec(tv_sec: 0, tv_nsec: 0)
            _ = sigtimedwait(&pipeSignal, nil, &zero)
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
    }

    /// Collects output until the hook exits (its pidfd turns readable) or the timeout passes. The pidfd, not the
    /// pipe's EOF, decides: a hook that leaves a daemon holding its stdout must not hang the runtime.
    private func wait(pid: Int32, output: borrowing FileDescriptor) -> (outcome: Outcome, output: String)? {
        var collected: [UInt8] = []
        let deadline = hook.timeout.map { Self.monotonicMilliseconds() + Int64($0) * 1000 }
        let pidfd = (try? Processes.pidfdOpen(pid: pid))?.release() ?? -1
        defer { if pidfd >= 0 { close(pidfd) } }
        var outputOpen = true
        while true {
            var entries = [pollfd(fd: pidfd, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: outputOpen ? output.rawValue : -1, events: Int16(POLLIN), revents: 0)]
            let wait = deadline.map { Int32(clamping: max(0, $0 - Self.monotonicMilliseconds())) } ?? -1
            let ready = poll(&entries, 2, wait)
            if ready == 0, let seconds = hook.timeout {
                _ = Glibc.kill(pid, SIGKILL)
                _ = try? Processes.wait(pid: pid)
                return (.timedOut(seconds), Self.text(collected))
            }
            if entries[1].revents != 0 {
                let chunk = (try? output.read(upTo: 65536)) ?? []
                if chunk.isEmpty { outputOpen = false } else if collected.count < 65536 { collected += chunk }
            }
            // Without a pidfd (old kernel) the pipe's EOF is the only signal left.
            if entries[0].revents != 0 || (pidfd < 0 && !outputOpen) { break }
        }
        try? output.setNonBlocking()
        while outputOpen, let chunk = try? output.read(upTo: 65536), !chunk.isEmpty, collected.count < 65536 {
            collected += chunk
        }
        let status = (try? Processes.wait(pid: pid))??.status ?? .exited(code: 255)
        switch status {
        case .exited(0): return nil
        case .exited(let code): return (.exited(code), Self.text(collected))
        case .signaled(let signal, _): return (.signaled(signal), Self.text(collected))
        default: return (.exited(255), Self.text(collected))
        }
    }

    private static func text(_ bytes: [UInt8]) -> String {
        var text = String(decoding: bytes, as: UTF8.self)
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }

    private static func monotonicMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }

    static func currentEnvironment() -> [String] {
        var result: [String] = []
        var pointer = environ
        while let entry = pointer.pointee {
            result.append(String(cString: entry))
            pointer += 1
        }
        return result
    }
}
