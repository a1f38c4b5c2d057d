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
