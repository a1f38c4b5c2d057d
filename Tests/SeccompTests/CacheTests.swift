import Glibc
import OCISpec
import Testing
@testable import Seccomp

/// The on-disk cache of compiled filters.
@Suite struct CacheTests {
    private let profile = LinuxSeccomp(
        defaultAction: .errno, defaultErrnoRet: 1, architectures: [.x86_64, .x86, .x32],
        syscalls: [
            LinuxSyscall(names: ["read", "write", "exit_group", "no_such_syscall_swiftlet"], action: .allow),
            LinuxSyscall(names: ["kill"], action: .allow, args: [LinuxSeccompArg(index: 1, value: 15, op: .equalTo)]),
        ])

    @Test func hitGivesTheSameProgramAsCompiling() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeTree(directory) }
        let cache = SeccompProgramCache(directory: "\(directory)/cache")
        let first = try cache.program(for: profile)
        #expect(first == (try SeccompProgram.compile(profile)))
        #expect(FileSystemProbe.entries("\(directory)/cache").count == 1)
        let second = try cache.program(for: profile)
        #expect(second == first)
        #expect(second.skippedSyscalls == ["no_such_syscall_swiftlet"])
    }

    @Test func differentConfigsGetDifferentEntries() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeTree(directory) }
        let cache = SeccompProgramCache(directory: directory)
        var other = profile
        other.syscalls?[1].args?[0].value = 9
        let a = try cache.program(for: profile)
        let b = try cache.program(for: other)
        #expect(a.bytecode != b.bytecode)
        #expect(FilterKey(profile) != FilterKey(other))
        #expect(FileSystemProbe.entries(directory).count == 2)
    }

    @Test func entryForAnotherKeyIsAMiss() throws {
        let entry = CachedProgramFile.Entry(skippedSyscalls: ["x"], bytecode: [6, 0, 0, 0, 0, 0, 0xff, 0x7f])
        let bytes = CachedProgramFile.encode(key: FilterKey(profile), entry: entry)
        #expect(CachedProgramFile.decode(bytes, key: FilterKey(profile))?.bytecode == entry.bytecode)
        var other = profile
        other.defaultErrnoRet = 38
        #expect(CachedProgramFile.decode(bytes, key: FilterKey(other)) == nil)
        #expect(CachedProgramFile.decode(Array(bytes.dropLast()), key: FilterKey(profile)) == nil)
    }

    @Test func corruptEntryIsRecompiledAndReplaced() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeTree(directory) }
        let cache = SeccompProgramCache(directory: directory)
        let path = "\(directory)/\(FilterKey(profile).fileName)"
        let fd = open(path, O_WRONLY | O_CREAT, 0o600)
        _ = write(fd, "garbage", 7)
        close(fd)
        #expect(try cache.program(for: profile) == SeccompProgram.compile(profile))
        #expect(try cache.program(for: profile) == SeccompProgram.compile(profile))
    }

    /// Prints what a cache hit costs for the docker-like profile (issue 10: < 1 ms at create). No timed assertion.
    @Test func hitCost() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeTree(directory) }
        let cache = SeccompProgramCache(directory: directory)
        let config = try ExampleProfiles.seccomp(ofExample: "seccomp-docker-default")
        let compiled = try cache.program(for: config)
        let rounds = 50
        var hit = compiled
        let elapsed = try ContinuousClock().measure {
            for _ in 0..<rounds { hit = try cache.program(for: config) }
        }
        print("seccomp: a cache hit for the docker-like profile takes \(elapsed / rounds)")
        #expect(hit == compiled)
    }
}

enum FileSystemProbe {
    /// Names in a directory, without . and ..
    static func entries(_ path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
