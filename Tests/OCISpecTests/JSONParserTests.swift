import Testing
@testable import OCISpec

@Suite struct JSONParserTests {
    @Test func parsesAllValueKindsKeepingOrder() throws {
        let value = try JSONParser.parse(bytes(#"{"b": [1, -2.5e3, true, false, null], "a": "x\n\u00e9\ud83d\ude00"}"#))
        guard case .object(let object) = value else {
            Issue.record("not an object")
            return
        }
        #expect(object.keys == ["b", "a"])
        #expect(object["a"] == .string("x\né😀"))
        #expect(object["b"] == .array([
            .number(JSONNumber(literal: "1")), .number(JSONNumber(literal: "-2.5e3")), .bool(true), .bool(false), .null,
        ]))
    }

    @Test func numbersKeepFullRange() throws {
        let value = try JSONParser.parse(bytes("[18446744073709551615, -1, -9223372036854775808, 18446744073709551616]"))
        guard case .array(let elements) = value, case .number(let max) = elements[0], case .number(let minusOne) = elements[1],
            case .number(let int64Min) = elements[2], case .number(let tooBig) = elements[3]
        else {
            Issue.record("unexpected shape")
            return
        }
        #expect(max.uint64Value == UInt64.max)
        #expect(max.int64Value == nil)
        #expect(minusOne.int64Value == -1)
        #expect(minusOne.uint64Value == nil)
        #expect(int64Min.int64Value == Int64.min)
        #expect(tooBig.uint64Value == nil)
        #expect(JSONNumber(literal: "1.5").integer(Int.self) == nil)
        #expect(JSONNumber(literal: "70000").integer(UInt16.self) == nil)
        #expect(JSONNumber(literal: "-0").integer(UInt32.self) == 0)
    }

    @Test func reportsLineAndColumn() {
        let input = "{\n  \"a\": 1,\n  \"process\": [1]\"x\": 2\n}"
        do {
            _ = try JSONParser.parse(bytes(input))
            Issue.record("accepted")
        } catch {
            #expect(error.description == "line 3, column 17: expected ',' or '}' after object member")
        }
    }

    @Test func malformedInputsAreErrorsNotCrashes() {
        let cases: [String: String] = [
            "": "empty document",
            "   ": "empty document",
            "{]": "expected a string key",
            "[1,]": "expected a value",
            "[1 2]": "expected ',' or ']' after array element",
            "{\"a\":1,}": "expected a string key",
            "01": "leading zeros",
            "1.": "expected a digit after '.'",
            "-": "expected a digit",
            "1e": "exponent",
            "tru": "invalid literal",
            "nul": "invalid literal",
            "\"abc": "unterminated string",
            "\"a\u{01}b\"": "control character",
            "\"\\x\"": "invalid escape",
            "\"\\ud800\"": "lone high surrogate",
            "\"\\udc00\"": "lone low surrogate",
            "\"\\ud800\\u0041\"": "not followed by a low surrogate",
            "\"\\u12\"": "hex digits",
            "{} {}": "after the document",
            "NaN": "expected a value",
        ]
        for (input, expected) in cases {
            do {
                _ = try JSONParser.parse(bytes(input))
                Issue.record("accepted \(input.debugDescription)")
            } catch {
                #expect(error.message.contains(expected), "\(input.debugDescription): \(error)")
            }
        }
    }

    @Test func invalidUTF8IsRefused() {
        let inputs: [[UInt8]] = [
            [0x22, 0xFF, 0x22],  // invalid byte
            [0x22, 0xC3, 0x22],  // truncated
            [0x22, 0xC0, 0xAF, 0x22],  // overlong
            [0x22, 0xED, 0xA0, 0x80, 0x22],  // encoded surrogate
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],  // above U+10FFFF
            [0x22, 0xE2, 0x82],  // truncated at end of input
        ]
        for input in inputs {
            #expect(throws: JSONSyntaxError.self) { _ = try JSONParser.parse(input) }
        }
        #expect((try? JSONParser.parse([0x22, 0xE2, 0x82, 0xAC, 0x22])) == .string("€"))
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        do {
            _ = try JSONParser.parse(deep)
            Issue.record("accepted 100000 nested arrays")
        } catch {
            #expect(error.message.contains("nesting deeper than 256"))
            #expect(error.line == 1 && error.column == 257)
        }
        let objects = String(repeating: "{\"a\":", count: 300)
        #expect(throws: JSONSyntaxError.self) { _ = try JSONParser.parse(bytes(objects)) }
        let ok = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        #expect((try? JSONParser.parse(bytes(ok))) != nil)
    }

    /// A cheap fuzz: random mutations of a real config never trap and never hang.
    @Test func mutatedInputsNeverCrash() throws {
        let seed = Array(#"{"ociVersion":"1.0.2","process":{"args":["sh","-c","é"],"cwd":"/","user":{"uid":0,"gid":0}},"n":[1.5e3,-0,null,true]}"#.utf8)
        var generator = SplitMix64(state: 42)
        let alphabet = Array("{}[]\",:\\0123456789-+.eEtrufalsn \u{7F}".utf8) + [0xC3, 0xA9, 0xFF, 0x00, 0x0A]
        for _ in 0..<3000 {
            var input = seed
            for _ in 0..<Int(generator.next() % 4 + 1) {
                let position = Int(generator.next() % UInt64(input.count))
                switch generator.next() % 3 {
                case 0: input[position] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                case 1: input.remove(at: position)
                default: input.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: position)
                }
                if input.isEmpty { input = [0x20] }
            }
            _ = try? JSONParser.parse(input)
            _ = SpecLoader.diagnose(bytes: input)
        }
        #expect(Bool(true), "no input trapped")
    }
}

struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

