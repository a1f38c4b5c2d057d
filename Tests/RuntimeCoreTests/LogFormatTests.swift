import Glibc
import Testing

@testable import RuntimeCore

private let moment = Timestamp(seconds: 1_795_560_991, nanoseconds: 0)  // 2026-11-24T22:56:31Z

@Test func textLineIsLogrusShaped() {
    let line = LogLineFormatter.line(.error, "container does not exist", at: moment, format: .text)
    #expect(line == "time=\"2026-11-24T22:56:31Z\" level=error msg=\"container does not exist\"\n")
}

@Test func textLineQuotesLikeGo() {
    let line = LogLineFormatter.line(.warning, "No help topic for 'x'\n\"q\"", at: moment, format: .text)
    #expect(line == "time=\"2026-11-24T22:56:31Z\" level=warning msg=\"No help topic for 'x'\\n\\\"q\\\"\"\n")
    #expect(LogLineFormatter.line(.info, "ok", at: moment, format: .text).hasSuffix("msg=ok\n"))
}

@Test func jsonLineHasSortedKeysAndRFC3339Time() {
    let line = LogLineFormatter.line(.error, "a \"b\" <c>", at: moment, format: .json)
    #expect(line == "{\"level\":\"error\",\"msg\":\"a \\\"b\\\" \\u003cc\\u003e\",\"time\":\"2026-11-24T22:56:31Z\"}\n")
}

@Test func timestampsPrintLikeGo() {
    #expect(Timestamp(seconds: 1_795_560_991, nanoseconds: 1_010_830).rfc3339Nano == "2026-11-24T22:56:31.00101083Z")
    #expect(Timestamp(seconds: 1_795_560_991, nanoseconds: 500_000_000).rfc3339Nano == "2026-11-24T22:56:31.5Z")
    #expect(moment.rfc3339Nano == "2026-11-24T22:56:31Z")
    #expect(Timestamp(seconds: 0, nanoseconds: 0).rfc3339 == "1970-01-01T00:00:00Z")
}

/// The date arithmetic that replaced gmtime_r agrees with it: leap days, century rules, before 1970, far ahead.
@Test func timestampsAgreeWithGmtime() {
    var instants: [Int64] = [0, -1, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_400, -2_208_988_800, 253_402_300_799]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<20_000 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        instants.append(Int64(bitPattern: state >> 31) % 32_503_680_000)   // within ±1000 years of 1970
    }
    for seconds in instants where seconds >= -62_135_596_800 {                // from year 1 on
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        let expected = padded(parts.tm_year + 1900, 4) + "-" + padded(parts.tm_mon + 1) + "-" + padded(parts.tm_mday)
            + "T" + padded(parts.tm_hour) + ":" + padded(parts.tm_min) + ":" + padded(parts.tm_sec) + "Z"
        #expect(Timestamp(seconds: seconds, nanoseconds: 0).rfc3339 == expected, "at \(seconds)")
    }
}

private func padded(_ value: Int32, _ width: Int = 2) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

@Test func jsonOutputIndentsLikeMarshalIndent() {
    let value = JSONOutput.object([
        .init("id", .string("a/b")), .init("pid", .int(-1)), .init("list", .array([])), .init("map", .object([])),
        .init("nested", .array([.bool(true), .null, .uint(UInt64.max)])),
    ])
    #expect(value.rendered() == "{\"id\":\"a/b\",\"pid\":-1,\"list\":[],\"map\":{},\"nested\":[true,null,18446744073709551615]}")
    #expect(value.rendered(indent: "  ") == """
        {
          "id": "a/b",
          "pid": -1,
          "list": [],
          "map": {},
          "nested": [
            true,
            null,
            18446744073709551615
          ]
        }
        """)
}

@Test func logLevelsOrderBySeverity() {
    #expect(LogLevel.error < LogLevel.debug)
    #expect(LogLevel.warning.name == "warning")
}
