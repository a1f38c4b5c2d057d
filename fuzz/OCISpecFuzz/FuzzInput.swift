import OCISpec

/// One fuzz input: config.json bytes through decoding and validation (what `create` and `check` run on a
/// bundle), then the decoded spec back through the encoder. Any input must end in problems, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfigJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (spec, problems) = SpecLoader.diagnose(bytes: bytes)
    for problem in problems { _ = problem.path.utf8.count + problem.message.utf8.count }
    if let spec { _ = SpecJSON.encode(spec, pretty: false) }
    return 0
}
