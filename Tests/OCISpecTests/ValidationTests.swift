import Testing
@testable import OCISpec

/// One good and one bad input per named check.
@Suite struct ValidationTests {
    /// `runc spec`'s config: valid, with pid/network/ipc/uts/mount namespaces.
    var base: Spec { Spec.runcDefault(rootless: false) }

    func modified(_ change: (inout Spec) -> Void) -> Spec {
        var spec = base
        change(&spec)
        return spec
    }

    @Test func baseIsValid() {
        #expect(SpecValidator.validate(base).isEmpty)
        #expect(SpecValidator.checks.count >= 25)
        #expect(Set(SpecValidator.checks.map(\.name)).count == SpecValidator.checks.count)
    }

    @Test func ociVersion() {
        let spec1 = modified { $0.ociVersion = "1.2.0-rc.1+build.5" }
        #expect(VersionChecks.ociVersion(spec1).isEmpty)
        let spec2 = modified { $0.ociVersion = "2.0.0" }
        #expect(VersionChecks.ociVersion(spec2).map(\.description)
            == [#"ociVersion: unsupported version "2.0.0" (swiftlet supports 1.x)"#])
        let spec3 = modified { $0.ociVersion = "1.0" }
        #expect(VersionChecks.ociVersion(spec3).map(\.path) == ["ociVersion"])
        let spec4 = modified { $0.ociVersion = "01.0.0" }
        #expect(VersionChecks.ociVersion(spec4).count == 1)
        let spec5 = modified { $0.ociVersion = "1.0.0-" }
        #expect(VersionChecks.ociVersion(spec5).count == 1)
    }

    @Test func ociVersionTwoIsRefusedByTheLoader() {
        let json = #"{"ociVersion": "2.0.0", "root": {"path": "rootfs"}}"#
        do {
            _ = try SpecLoader.load(bytes: bytes(json))
            Issue.record("accepted 2.0.0")
        } catch {
            #expect(error.description.contains(#"ociVersion: unsupported version "2.0.0""#))
        }
    }

    @Test func root() {
        #expect(RootChecks.root(base).isEmpty)
        let spec6 = modified { $0.root = nil }
        #expect(paths(RootChecks.root(spec6)) == ["root"])
        let spec7 = modified { $0.root?.path = "" }
        #expect(paths(RootChecks.root(spec7)) == ["root.path"])
    }

    @Test func processArgs() {
        #expect(ProcessChecks.args(base).isEmpty)
        let spec8 = modified { $0.process = nil }
        #expect(ProcessChecks.args(spec8).isEmpty)
        let spec9 = modified { $0.process?.args = [] }
        #expect(ProcessChecks.args(spec9).map(\.description) == ["process.args: must not be empty"])
        let spec10 = modified { $0.process?.args = nil }
        #expect(ProcessChecks.args(spec10).count == 1)
    }

    @Test func processCwd() {
        #expect(ProcessChecks.cwd(base).isEmpty)
        let spec11 = modified { $0.process?.cwd = "tmp" }
        #expect(paths(ProcessChecks.cwd(spec11)) == ["process.cwd"])
    }

    @Test func rlimits() {
        #expect(ProcessChecks.rlimits(base).isEmpty)
        let bad = modified {
            $0.process?.rlimits = [
                POSIXRlimit(type: .nofile, hard: 10, soft: 20),
                POSIXRlimit(type: .core, hard: 0, soft: 0),
                POSIXRlimit(type: .nofile, hard: 10, soft: 10),
            ]
        }
        #expect(paths(ProcessChecks.rlimits(bad)) == ["process.rlimits[0]", "process.rlimits[2].type"])
    }

    @Test func oomScoreAdj() {
        let spec12 = modified { $0.process?.oomScoreAdj = -1000 }
        #expect(ProcessChecks.oomScoreAdj(spec12).isEmpty)
        let spec13 = modified { $0.process?.oomScoreAdj = 1001 }
        #expect(paths(ProcessChecks.oomScoreAdj(spec13)) == ["process.oomScoreAdj"])
    }

    @Test func ioPriority() {
        let spec14 = modified { $0.process?.ioPriority = LinuxIOPriority(class: .be, priority: 7) }
        #expect(ProcessChecks.ioPriority(spec14).isEmpty)
        let spec15 = modified { $0.process?.ioPriority = LinuxIOPriority(class: .be, priority: 8) }
        #expect(paths(ProcessChecks.ioPriority(spec15))
            == ["process.ioPriority.priority"])
    }

    @Test func scheduler() {
        let spec16 = modified { $0.process?.scheduler = Scheduler(policy: .fifo, priority: 10) }
        #expect(ProcessChecks.scheduler(spec16).isEmpty)
        let spec17 = modified { $0.process?.scheduler = Scheduler(policy: .other, nice: -5) }
        #expect(ProcessChecks.scheduler(spec17).isEmpty)
        let bad = modified { $0.process?.scheduler = Scheduler(policy: .other, nice: 20, priority: 3, runtime: 5) }
        #expect(paths(ProcessChecks.scheduler(bad)) == ["process.scheduler.nice", "process.scheduler.priority", "process.scheduler"])
    }

    @Test func execCPUAffinity() {
        let spec18 = modified { $0.process?.execCPUAffinity = CPUAffinity(initial: "0-3, 7", final: "1") }
        #expect(ProcessChecks.execCPUAffinity(spec18).isEmpty)
        let spec19 = modified { $0.process?.execCPUAffinity = CPUAffinity(final: "3-1") }
        #expect(paths(ProcessChecks.execCPUAffinity(spec19))
            == ["process.execCPUAffinity.final"])
    }

    @Test func namespaces() {
        #expect(NamespaceChecks.namespaces(base).isEmpty)
        let bad = modified {
            $0.linux?.namespaces?.append(LinuxNamespace(type: .pid))
            $0.linux?.namespaces?.append(LinuxNamespace(type: .cgroup, path: "proc/1/ns/cgroup"))
        }
        #expect(paths(NamespaceChecks.namespaces(bad)) == ["linux.namespaces[5].type", "linux.namespaces[6].path"])
    }

    @Test func userNamespace() {
        #expect(NamespaceChecks.userNamespace(Spec.runcDefault(rootless: true)).isEmpty)
        let spec20 = modified { $0.linux?.namespaces?.append(LinuxNamespace(type: .user, path: "/proc/1/ns/user")) }
        #expect(NamespaceChecks.userNamespace(spec20).isEmpty)
        let spec21 = modified { $0.linux?.namespaces?.append(LinuxNamespace(type: .user)) }
        #expect(paths(NamespaceChecks.userNamespace(spec21))
            == ["linux.uidMappings", "linux.gidMappings"])
        let spec22 = modified { $0.linux?.uidMappings = [LinuxIDMapping(containerID: 0, hostID: 1000, size: 1)] }
        #expect(paths(NamespaceChecks.userNamespace(spec22))
            == ["linux.uidMappings"])
    }

    @Test func hostname() {
        #expect(NamespaceChecks.hostname(base).isEmpty)
        let noUTS = modified {
            $0.linux?.namespaces?.removeAll { $0.type == .uts }
            $0.domainname = "example.org"
        }
        #expect(paths(NamespaceChecks.hostname(noUTS)) == ["hostname", "domainname"])
    }

    @Test func timeOffsets() {
        let good = modified {
            $0.linux?.namespaces?.append(LinuxNamespace(type: .time))
            $0.linux?.timeOffsets = ["monotonic": LinuxTimeOffset(secs: 100, nanosecs: 5)]
        }
        #expect(NamespaceChecks.timeOffsets(good).isEmpty)
        let bad = modified { $0.linux?.timeOffsets = ["realtime": LinuxTimeOffset(secs: 1)] }
        #expect(paths(NamespaceChecks.timeOffsets(bad)) == ["linux.timeOffsets", "linux.timeOffsets.realtime"])
    }

    @Test func sysctl() {
        let good = modified { $0.linux?.sysctl = ["net.ipv4.ip_forward": "1", "kernel.shmmax": "1", "fs.mqueue.msg_max": "10", "net/core/somaxconn": "5"] }
        #expect(SysctlChecks.sysctl(good).isEmpty)
        let bad = modified {
            $0.linux?.namespaces?.removeAll { $0.type == .network || $0.type == .ipc }
            $0.linux?.sysctl = ["net.ipv4.ip_forward": "1", "kernel.msgmax": "1", "vm.swappiness": "1"]
        }
        #expect(paths(SysctlChecks.sysctl(bad)) == [#"linux.sysctl["kernel.msgmax"]"#, #"linux.sysctl["net.ipv4.ip_forward"]"#, #"linux.sysctl["vm.swappiness"]"#])
        let hostname = modified {
            $0.linux?.namespaces?.removeAll { $0.type == .uts }
            $0.linux?.sysctl = ["kernel.domainname": "x"]
        }
        #expect(SysctlChecks.sysctl(hostname).count == 1)
    }

    @Test func netDevices() {
        let spec23 = modified { $0.linux?.netDevices = ["eth0": LinuxNetDevice(name: "ctr0")] }
        #expect(NamespaceChecks.netDevices(spec23).isEmpty)
        let bad = modified {
            $0.linux?.namespaces?.removeAll { $0.type == .network }
            $0.linux?.netDevices = ["eth0": LinuxNetDevice(name: "a/b")]
        }
        #expect(paths(NamespaceChecks.netDevices(bad)) == ["linux.netDevices", "linux.netDevices.eth0.name"])
    }

    @Test func mounts() {
        #expect(MountChecks.mounts(base).isEmpty)
        let bad = modified {
            $0.mounts?.append(Mount(destination: "data", type: "bind", source: "/data", options: ["rbind", "rpivate", "ro"]))
        }
        let problems = MountChecks.mounts(bad)
        #expect(paths(problems) == ["mounts[7].destination", "mounts[7].options[1]"])
        #expect(problems.allSatisfy { $0.severity == .warning })
        let spec24 = modified { $0.mounts?[0].destination = "" }
        #expect(MountChecks.mounts(spec24).first?.severity == .error)
    }

    @Test func relativeMountDestinationIsOnlyAWarning() throws {
        var spec = base
        spec.mounts?.append(Mount(destination: "tmp", type: "tmpfs", source: "tmpfs"))
        let result = try SpecLoader.load(bytes: SpecJSON.encode(spec, pretty: false))
        #expect(result.warnings.map(\.path) == ["mounts[7].destination"])
    }

    @Test func maskedPaths() {
        #expect(MountChecks.maskedAndReadonlyPaths(base).isEmpty)
        let spec25 = modified { $0.linux?.readonlyPaths = ["/proc/sys", "proc/bus"] }
        #expect(paths(MountChecks.maskedAndReadonlyPaths(spec25))
            == ["linux.readonlyPaths[1]"])
    }

    @Test func hooks() {
        let spec26 = modified { $0.hooks = Hooks(poststart: [Hook(path: "/bin/true", timeout: 5)]) }
        #expect(HookChecks.hooks(spec26).isEmpty)
        let bad = modified { $0.hooks = Hooks(createRuntime: [Hook(path: "true")], poststop: [Hook(path: "/bin/true", timeout: 0)]) }
        #expect(paths(HookChecks.hooks(bad)) == ["hooks.createRuntime[0].path", "hooks.poststop[0].timeout"])
    }

    @Test func devices() {
        let good = modified {
            $0.linux?.devices = [
                LinuxDevice(path: "/dev/fuse", type: .char, major: 10, minor: 229, fileMode: 0o666),
                LinuxDevice(path: "/dev/myfifo", type: .fifo),
            ]
        }
        #expect(DeviceChecks.devices(good).isEmpty)
        let bad = modified {
            $0.linux?.devices = [
                LinuxDevice(path: "dev/null", type: .char, major: 1, minor: 3),  // relative: refused (any absolute path is fine)
                LinuxDevice(path: "/dev/sda", type: .block),
                LinuxDevice(path: "/dev/all", type: .all, fileMode: 0o170666),
            ]
        }
        #expect(paths(DeviceChecks.devices(bad))
            == ["linux.devices[0].path", "linux.devices[1].major", "linux.devices[1].minor", "linux.devices[2].type", "linux.devices[2].fileMode"])
    }

    @Test func deviceCgroupRules() {
        #expect(DeviceChecks.deviceCgroupRules(base).isEmpty)
        let bad = modified { $0.linux?.resources?.devices = [LinuxDeviceCgroup(allow: true, type: .all, access: "rwx")] }
        #expect(paths(DeviceChecks.deviceCgroupRules(bad)) == ["linux.resources.devices[0].access"])
    }

    @Test func memory() {
        let spec27 = modified { $0.linux?.resources?.memory = LinuxMemory(limit: 1 << 20, swap: -1) }
        #expect(ResourceChecks.memory(spec27).isEmpty)
        let spec28 = modified { $0.linux?.resources?.memory = LinuxMemory(limit: 1 << 20, swap: 2 << 20) }
        #expect(ResourceChecks.memory(spec28).isEmpty)
        let bad = modified { $0.linux?.resources?.memory = LinuxMemory(limit: 2 << 20, reservation: -5, swap: 1 << 20, swappiness: 101) }
        #expect(paths(ResourceChecks.memory(bad))
            == ["linux.resources.memory.reservation", "linux.resources.memory.swap", "linux.resources.memory.swappiness"])
    }

    @Test func cpu() {
        let spec29 = modified { $0.linux?.resources?.cpu = LinuxCPU(quota: 50000, period: 100_000, cpus: "0-1") }
        #expect(ResourceChecks.cpu(spec29).isEmpty)
        let bad = modified { $0.linux?.resources?.cpu = LinuxCPU(quota: 10, period: 10, mems: "x") }
        #expect(paths(ResourceChecks.cpu(bad)) == ["linux.resources.cpu.period", "linux.resources.cpu.quota", "linux.resources.cpu.mems"])
    }

    @Test func hugepageLimits() {
        let spec30 = modified { $0.linux?.resources?.hugepageLimits = [LinuxHugepageLimit(pageSize: "2MB", limit: 1)] }
        #expect(ResourceChecks.hugepageLimits(spec30).isEmpty)
        let bad = modified { $0.linux?.resources?.hugepageLimits = [LinuxHugepageLimit(pageSize: "64kB", limit: 1), LinuxHugepageLimit(pageSize: "02MB", limit: 1)] }
        #expect(paths(ResourceChecks.hugepageLimits(bad))
            == ["linux.resources.hugepageLimits[0].pageSize", "linux.resources.hugepageLimits[1].pageSize"])
    }

    @Test func unified() {
        let spec31 = modified { $0.linux?.resources?.unified = ["memory.high": "1G"] }
        #expect(ResourceChecks.unified(spec31).isEmpty)
        let spec32 = modified { $0.linux?.resources?.unified = ["../memory.max": "1"] }
        #expect(paths(ResourceChecks.unified(spec32))
            == [#"linux.resources.unified["../memory.max"]"#])
    }

    @Test func seccomp() {
        let good = modified {
            $0.linux?.seccomp = LinuxSeccomp(
                defaultAction: .errno, defaultErrnoRet: 1, listenerPath: "/run/notify.sock",
                syscalls: [
                    LinuxSyscall(names: ["mkdir"], action: .notify),
                    LinuxSyscall(names: ["read"], action: .allow, args: [LinuxSeccompArg(index: 0, value: 1, op: .equalTo)]),
                ])
        }
        #expect(SeccompChecks.seccomp(good).isEmpty)
        let bad = modified {
            $0.linux?.seccomp = LinuxSeccomp(
                defaultAction: .allow, defaultErrnoRet: 1,
                syscalls: [
                    LinuxSyscall(names: [], action: .kill, errnoRet: 5),
                    LinuxSyscall(names: ["read"], action: .notify, args: [LinuxSeccompArg(index: 6, value: 1, op: .equalTo)]),
                ])
        }
        #expect(paths(SeccompChecks.seccomp(bad)) == [
            "linux.seccomp.defaultErrnoRet", "linux.seccomp.syscalls[0].names", "linux.seccomp.syscalls[0].errnoRet",
            "linux.seccomp.syscalls[1].args[0].index", "linux.seccomp.listenerPath",
        ])
        let relative = modified { $0.linux?.seccomp = LinuxSeccomp(defaultAction: .notify, listenerPath: "notify.sock") }
        #expect(paths(SeccompChecks.seccomp(relative)) == ["linux.seccomp.defaultAction", "linux.seccomp.listenerPath"])
    }

    @Test func seccompWithoutDefaultActionIsADecodingProblem() {
        let (_, problems) = diagnose(config(linux: #"{"seccomp": {"syscalls": []}}"#))
        #expect(problems.map(\.description) == ["linux.seccomp.defaultAction: missing required field"])
    }

    @Test func intelRdt() {
        let spec33 = modified { $0.linux?.intelRdt = LinuxIntelRdt(closID: "c", memBwSchema: "MB:0=20") }
        #expect(LinuxChecks.intelRdt(spec33).isEmpty)
        let spec34 = modified { $0.linux?.intelRdt = LinuxIntelRdt(memBwSchema: "L3:0=ff") }
        #expect(paths(LinuxChecks.intelRdt(spec34))
            == ["linux.intelRdt.memBwSchema"])
    }

    @Test func memoryPolicy() {
        let spec35 = modified { $0.linux?.memoryPolicy = LinuxMemoryPolicy(mode: .bind, nodes: "0-1") }
        #expect(LinuxChecks.memoryPolicy(spec35).isEmpty)
        let spec36 = modified { $0.linux?.memoryPolicy = LinuxMemoryPolicy(mode: .preferred) }
        #expect(LinuxChecks.memoryPolicy(spec36).isEmpty)
        let spec37 = modified { $0.linux?.memoryPolicy = LinuxMemoryPolicy(mode: .local, nodes: "0") }
        #expect(paths(LinuxChecks.memoryPolicy(spec37))
            == ["linux.memoryPolicy.nodes"])
        let spec38 = modified { $0.linux?.memoryPolicy = LinuxMemoryPolicy(mode: .interleave) }
        #expect(paths(LinuxChecks.memoryPolicy(spec38))
            == ["linux.memoryPolicy.nodes"])
    }

    @Test func containerID() {
        #expect(ContainerID.validate("my-container_1.2+x") == nil)
        #expect(ContainerID.validate("..")?.path == "id")
        #expect(ContainerID.validate("") != nil)
        #expect(ContainerID.validate("a/b") != nil)
        #expect(ContainerID.validate("é") != nil)
    }

    /// A check whose input was dropped by a decoding problem stays quiet instead of echoing it.
    @Test func checksReadingDroppedFieldsAreSkipped() {
        let (_, problems) = diagnose(config(#""hostname": "box""#, linux: #"{"namespaces": [{"type": "uts"}, {"type": "bogus"}]}"#))
        #expect(problems.map(\.description) == [#"linux.namespaces[1].type: unknown namespace type "bogus""#])
    }
}
