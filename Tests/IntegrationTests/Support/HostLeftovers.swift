import Glibc

/// What a container may leave behind on the host, looked up from the host's side: mounts, processes, cgroup
/// directories and state directories. Each lookup returns human-readable lines, empty when nothing is left.
enum HostLeftovers {
    /// Everything of container `id` still present: its state directory under `root`, a mount mentioning any of
    /// `paths`, a process whose command line names `id`, a cgroup directory named `id`.
    static func of(id: String, root: String, paths: [String]) -> [String] {
        stateDirectories(in: root).filter { $0 == id }.map { "state directory \(root)/\($0)" }
            + paths.flatMap { mounts(mentioning: $0) }.map { "mount: \($0)" }
            + processes(mentioning: id).map { "process: \($0)" }
            + cgroupDirectories(named: id).map { "cgroup: \($0)" }
    }

    /// Lines of the host's /proc/self/mountinfo that mention `path`.
    static func mounts(mentioning path: String) -> [String] {
        CLIHarness.readFile("/proc/self/mountinfo").split(separator: "\n").filter { $0.contains(path) }.map(String.init)
    }

    /// "PID: command line" for every other process whose command line contains `text`.
    static func processes(mentioning text: String) -> [String] {
        let me = getpid()
        return directoryEntries("/proc").compactMap { name -> String? in
            guard let pid = Int32(name), pid != me else { return nil }
            let commandLine = CLIHarness.readFile("/proc/\(pid)/cmdline").replacingNulsWithSpaces
            return commandLine.contains(text) ? "\(pid): \(commandLine)" : nil
        }
    }

    /// Cgroup directories named `id` directly under any hierarchy (runc's default cgroupsPath is "/<id>").
    static func cgroupDirectories(named id: String) -> [String] {
        let hierarchies = directoryEntries("/sys/fs/cgroup").map { "/sys/fs/cgroup/" + $0 }
        return (["/sys/fs/cgroup"] + hierarchies).map { $0 + "/" + id }.filter { access($0, F_OK) == 0 }
    }

    /// Entries of the state root (none when it does not exist).
    static func stateDirectories(in root: String) -> [String] { directoryEntries(root) }

    /// Whether a process with this pid exists and is not a zombie.
    static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0, kill(pid, 0) == 0 else { return false }
        let stat = CLIHarness.readFile("/proc/\(pid)/stat")
        guard let close = stat.lastIndex(of: ")") else { return false }
        return !stat[close...].hasPrefix(") Z")
    }

    /// Names in a directory, without "." and "..".
    static func directoryEntries(_ path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
