@testable import Cgroups

/// Seeded random device rule lists (SplitMix64, so a failure names a seed that reproduces it), drawing numbers from
/// a small set with wildcards so that rules overlap often.
struct RandomDeviceRules {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    private mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }
    private mutating func coin() -> Bool { below(2) == 0 }

    /// One exception: b or c (or "a" when `anyKind`), numbers from a small set with wildcards, rwm half of the time.
    mutating func rule(allow: Bool, anyKind: Bool = false) -> DeviceRule {
        let kind: DeviceRule.Kind = anyKind && below(6) == 0 ? .all : coin() ? .block : .char
        let access = coin() ? "rwm" : String("rwm".filter { _ in coin() })
        return DeviceRule(allow: allow, kind: kind, major: pick([nil, 0, 1, 5, 10, 136]), minor: pick([nil, 0, 1, 3, 200]),
                          access: access.isEmpty ? "m" : access)
    }

    /// Any mix: "a" rules anywhere, verdicts at random.
    mutating func mixedRules() -> [DeviceRule] {
        (0..<below(9)).map { _ in rule(allow: coin(), anyKind: true) }
    }

    /// Maybe an "a" rule, then exceptions that all say the opposite of the default, perhaps after some that agree
    /// with it (which decide nothing).
    mutating func sameVerdictRules() -> [DeviceRule] {
        let defaultAllow = below(4) == 0
        var rules = below(5) == 0 && defaultAllow ? [] : [DeviceRule(allow: defaultAllow, kind: .all)]
        rules += (0..<below(3)).map { _ in rule(allow: defaultAllow) }
        rules += (0..<(1 + below(10))).map { _ in rule(allow: !defaultAllow) }
        return rules
    }
}
