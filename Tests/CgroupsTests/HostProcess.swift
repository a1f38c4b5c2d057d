import Glibc

/// Starting and reaping the test's own child processes (never anyone else's).
enum HostProcess {
    /// posix_spawn of an absolute program; returns its pid (glibc returns only after the exec).
    static func spawn(_ arguments: [String]) -> pid_t {
        var pid: pid_t = 0
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        // Default dispositions and an empty mask: the test runner may ignore or block SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t()
        sigfillset(&all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let result = posix_spawn(&pid, arguments[0], nil, &attributes, &argv, environ)
        return result == 0 ? pid : -1
    }

    /// waitpid; returns the raw status.
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status
    }

    static func exitCode(_ status: Int32) -> Int32? { (status & 0x7f) == 0 ? (status >> 8) & 0xff : nil }
    static func terminatingSignal(_ status: Int32) -> Int32? { (status & 0x7f) != 0 ? status & 0x7f : nil }
}

/// Root and a readable cgroup mount: host tests run only there.
let canTouchHostCgroups: Bool = getuid() == 0 && access("/sys/fs/cgroup", R_OK) == 0
