import Testing
@testable import OCISpec

/// SpecJSON's encoder and writer: what FoundationEssentials' JSONEncoder wrote with
/// [.sortedKeys, .withoutEscapingSlashes] (+ .prettyPrinted), which state.json, hooks and `spec` relied on.
@Suite struct JSONEncodingTests {
    struct Sample: Codable, Equatable {
        var name: String
        var missing: String?
        var map: [String: String] = [:]
        var list: [Int64] = []
        var nested: [[UInt32]] = [[]]
        var flag = true
        var big = UInt64.max
        var negative: Int32 = -5
    }

    @Test func compactOutputSortsKeysByteWiseAndOmitsNil() {
        let sample = Sample(name: "a/b", map: ["b": "1", "B": "2", "_": "3", "é": "4", "aa": "5"])
        let text = String(decoding: SpecJSON.encode(sample, pretty: false), as: UTF8.self)
        #expect(text == #"{"big":18446744073709551615,"flag":true,"list":[],"map":{"B":"2","_":"3","aa":"5","b":"1","é":"4"},"# +
            #""name":"a/b","negative":-5,"nested":[[]]}"#)
    }

    @Test func prettyOutputIsJSONEncodersLayout() {
        struct Small: Codable { var a: [String: String] = [:]; var b: [Int] = [1, 2]; var c: [Int] = [] }
        let text = String(decoding: SpecJSON.encode(Small(), pretty: true), as: UTF8.self)
        #expect(text == "{\n  \"a\" : {\n\n  },\n  \"b\" : [\n    1,\n    2\n  ],\n  \"c\" : [\n\n  ]\n}")
    }

    @Test func stringsAreEscapedLikeJSONEncoder() {
        let text = String(decoding: SpecJSON.encode(["k": "\"\\\u{1}\u{8}\u{c}\n\r\t\u{1f}\u{7f}/<&>"], pretty: false), as: UTF8.self)
        #expect(text == #"{"k":"\"\\\u0001\b\f\n\r\t\u001f"# + "\u{7f}" + #"/<&>"}"#)
    }

    @Test func encodedValuesDecodeBackToTheSame() throws {
        let sample = Sample(name: "x", missing: "y", map: ["k": "v"], list: [Int64.min, 0, Int64.max], nested: [[1], [2, 3]])
        let decoded = try JSONValueDecoder.decode(Sample.self, from: SpecJSON.encode(sample, pretty: true))
        #expect(decoded == sample)
        let spec = Spec.runcDefault(rootless: false)
        #expect(try JSONValueDecoder.decode(Spec.self, from: SpecJSON.encode(spec, pretty: false)) == spec)
    }
}
