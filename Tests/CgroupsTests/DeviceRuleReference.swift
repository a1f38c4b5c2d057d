@testable import Cgroups

/// The device rule semantics applied directly, rule by rule, to check compiled programs against: walk the list in
/// order; an "a" rule resets the answer to its verdict, any other rule that matches sets it; no "a" rule: allow.
enum DeviceRuleReference {
    typealias Request = DeviceProgramInterpreter.Request

    static func allows(_ rules: [DeviceRule], _ request: Request) -> Bool {
        var allowed = true
        for rule in rules where rule.isWildcard || matches(rule, request) { allowed = rule.allow }
        return allowed
    }

    /// Type (none for "a"), major and minor (nil for any), and the requested access within the rule's.
    static func matches(_ rule: DeviceRule, _ request: Request) -> Bool {
        let type: UInt32? = switch rule.kind { case .all: nil; case .block: 1; case .char: 2 }
        var mask: UInt32 = 0
        for letter in rule.access {
            mask |= letter == "m" ? 1 : letter == "r" ? 2 : letter == "w" ? 4 : 0
        }
        return (type == nil || type == request.type)
            && (rule.major == nil || rule.major == Int64(request.major))
            && (rule.minor == nil || rule.minor == Int64(request.minor))
            && request.access & ~mask == 0
    }

    /// Block and char, the majors and minors the rules name plus one none names, every non-empty access.
    static func requests(for rules: [DeviceRule]) -> [Request] {
        func values(_ numbers: [Int64]) -> [UInt32] {
            let named = Set(numbers.map { UInt32(truncatingIfNeeded: $0) })
            let unused = (0...UInt32(named.count)).first { !named.contains($0) } ?? 0
            return named.sorted() + [unused]
        }
        let majors = values(rules.compactMap(\.major)), minors = values(rules.compactMap(\.minor))
        var requests: [Request] = []
        for type: UInt32 in [1, 2] {
            for major in majors {
                for minor in minors {
                    for access: UInt32 in 1...7 { requests.append(Request(type: type, major: major, minor: minor, access: access)) }
                }
            }
        }
        return requests
    }

    /// The requests where the program and the reference disagree, or the program fails, as readable lines.
    static func disagreements(_ program: [DeviceProgram.Instruction]?, _ rules: [DeviceRule],
                              expected: (Request) -> Bool) -> [String] {
        var found: [String] = []
        for request in requests(for: rules) {
            do {
                let got = try DeviceProgramInterpreter.allows(program, request)
                if got != expected(request) { found.append("\(request): program \(got ? "allows" : "denies")") }
            } catch {
                found.append("\(request): \(error)")
            }
        }
        return found
    }

    static func disagreements(_ program: [DeviceProgram.Instruction]?, _ rules: [DeviceRule]) -> [String] {
        disagreements(program, rules) { allows(rules, $0) }
    }
}
