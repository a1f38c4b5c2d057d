// swift-tools-version:6.0
// swiftlet: an OCI container runtime. Module layout and dependency direction: see ../shared/STYLE.md and README.md.
import Foundation
import PackageDescription

/// Release builds give every function its own section and lld places the functions a `run` executes next to each
/// other, the init's first (linker/start-up-order.txt, an exact single-stepped trace made by
/// scripts/make-start-up-order.sh): fewer text pages touched, so fewer page faults and a smaller resident set for
/// `swiftlet` and for the container's init until its exec (bench (f-init): 3.9 -> 3.2 MiB with the exact list).
/// A stale list only costs speed and RSS.
/// The toolchain's stdlib code is one 1.6 MB section that no order can move; `make build` first writes a copy of the
/// static stdlib whose functions each have their own section (linker/split-stdlib-text.py) and names it in
/// SWIFTLET_SPLIT_STDLIB, and the link uses it. An environment variable rather than a file check here: SwiftPM caches
/// this manifest's result, keyed by its environment, so a check for a file would go stale.
/// LLVM's function merging is off: it made unnamed functions (`.L__unnamed_*`) that no order can name.
let packageDirectory = String(#filePath.dropLast("/Package.swift".count))
let splitStdlibFlags = ProcessInfo.processInfo.environment["SWIFTLET_SPLIT_STDLIB"].map { ["-resource-dir", $0] } ?? []
let functionSections: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-function-sections", "-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors", "-Xfrontend", "-disable-llvm-merge-functions-pass"], .when(configuration: .release))]

let package = Package(
    name: "swiftlet",
    products: [
        .executable(name: "swiftlet", targets: ["swiftlet"]),
    ],
    targets: [
        // C wrappers for what Glibc does not expose to Swift (clone3, setns, pivot_root, openat2, …).
        .target(name: "CLinuxShim"),
        // libseccomp through pkg-config (Debian: libseccomp-dev).
        .systemLibrary(name: "CSeccomp", pkgConfig: "libseccomp", providers: [.apt(["libseccomp-dev"])]),
        // The runtime-spec as value types, decoding with JSON paths, validation. Pure: no syscalls.
        .target(name: "OCISpec", swiftSettings: functionSections),
        // Typed Swift over the kernel: owning fds, Errno, mounts, namespaces, capabilities, rlimits.
        .target(name: "LinuxSys", dependencies: ["CLinuxShim"], swiftSettings: functionSections),
        // cgroup drivers (v1, v2, hybrid), one file per controller.
        .target(name: "Cgroups", dependencies: ["OCISpec", "LinuxSys"], swiftSettings: functionSections),
        // linux.seccomp → libseccomp filter, compiled in the parent, loaded in the child.
        .target(name: "Seccomp", dependencies: ["OCISpec", "LinuxSys", "CSeccomp"], swiftSettings: functionSections),
        // Containers, state store, lifecycle operations, the setup pipeline.
        .target(name: "RuntimeCore", dependencies: ["OCISpec", "LinuxSys", "Cgroups", "Seccomp"], swiftSettings: functionSections),
        // The command line: parsing and printing only.
        // Release: a fully static executable (glibc, libstdc++ and libseccomp included). No dynamic loader at start-up:
        // ld.so relocated ~40,000 PIE pointers and libstdc++ on every run (2.3 M of 13.5 M instructions of a `run`),
        // and the pages it touched were ~3.5 MiB of the peak RSS (bench (a), (f)). swiftlet calls no NSS function.
        .executableTarget(name: "swiftlet", dependencies: ["RuntimeCore", "OCISpec", "LinuxSys"], swiftSettings: functionSections,
                          linkerSettings: [.unsafeFlags(["-static-executable", "-use-ld=lld",
                                                         "-Xlinker", "--symbol-ordering-file=\(packageDirectory)/linker/start-up-order.txt",
                                                         "-Xlinker", "--no-warn-symbol-ordering",
                                                         // Read-only data out of the read-write segment: see the script.
                                                         "-Xlinker", "-T", "-Xlinker", "\(packageDirectory)/linker/writable-rodata.ld"] + splitStdlibFlags,
                                                        .when(configuration: .release))]),
        // libFuzzer target over config.json decoding (scripts/fuzz.sh); exports the driver's symbol so main can find it.
        .executableTarget(name: "OCISpecFuzz", dependencies: ["OCISpec"], path: "fuzz/OCISpecFuzz", linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic-symbol=LLVMFuzzerRunDriver"])]),

        .testTarget(name: "OCISpecTests", dependencies: ["OCISpec"], exclude: ["Fixtures"]),
        .testTarget(name: "LinuxSysTests", dependencies: ["LinuxSys"]),
        .testTarget(name: "SeccompTests", dependencies: ["Seccomp"]),
        .testTarget(name: "CgroupsTests", dependencies: ["Cgroups"]),
        .testTarget(name: "RuntimeCoreTests", dependencies: ["RuntimeCore"]),
        // Drives the built binary as root on real bundles (see Tests/IntegrationTests/README.md).
        .testTarget(name: "IntegrationTests", dependencies: ["OCISpec"]),
    ],
    swiftLanguageModes: [.v6]
)
