import Glibc

/// Built with `-sanitize=fuzzer` (scripts/fuzz.sh): libFuzzer is linked in, and its driver is found by name
/// (Package.swift exports that one symbol) and runs with our arguments. Built normally, libFuzzer is absent, so
/// instead of a linker error for its `main` this executable replays inputs: every file named (directories: their
/// files) goes through `fuzzConfigJSON` once — how a crash file from the fuzzer is reproduced without it.
typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
typealias FuzzerDriver = @convention(c) (
    UnsafeMutablePointer<CInt>, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>, FuzzCallback
) -> CInt

if let symbol = dlsym(nil, "LLVMFuzzerRunDriver") {
    let driver = unsafeBitCast(symbol, to: FuzzerDriver.self)
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(driver(&argc, &argv, { fuzzConfigJSON($0, $1) }))
}

let files = CommandLine.arguments.dropFirst().flatMap(InputFiles.expand)
for file in files {
    guard let bytes = InputFiles.read(file) else {
        print("OCISpecFuzz: cannot read \(file)")
        exit(2)
    }
    _ = bytes.withUnsafeBufferPointer { fuzzConfigJSON($0.baseAddress, $0.count) }
}
print("OCISpecFuzz: replayed \(files.count) input(s) without libFuzzer (build with scripts/fuzz.sh to fuzz)")
