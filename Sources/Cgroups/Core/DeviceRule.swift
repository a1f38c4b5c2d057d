import OCISpec

/// One linux.resources.devices entry, checked and normalised once for both the v1 files and the v2 program.
public struct DeviceRule: Sendable, Equatable {
    public enum Kind: Character, Sendable { case all = "a", block = "b", char = "c" }

    public var allow: Bool
    public var kind: Kind
    /// nil is the wildcard "*".
    public var major: Int64?
    public var minor: Int64?
    /// Some of "rwm", in that order.
    public var access: String

    public init(allow: Bool, kind: Kind, major: Int64? = nil, minor: Int64? = nil, access: String = "rwm") {
        self.allow = allow
        self.kind = kind
        self.major = major
        self.minor = minor
        self.access = access
    }

    /// `index` names the entry in errors ("linux.resources.devices[2].type").
    init(_ rule: LinuxDeviceCgroup, index: Int) throws(CgroupError) {
        let key = "linux.resources.devices[\(index)]"
        switch rule.type ?? .all {
        case .all: kind = .all
        case .block: kind = .block
        case .char, .unbufferedChar: kind = .char
        case .fifo: throw .unsupported(key + ".type", "device cgroup rules cover only a, b and c devices, not \"p\"")
        }
        let access = rule.access ?? "rwm"
        guard !access.isEmpty, access.allSatisfy({ "rwm".contains($0) }) else {
            throw .unsupported(key + ".access", "invalid access \"\(access)\": use letters of \"rwm\"")
        }
        self.access = String("rwm".filter { access.contains($0) })
        allow = rule.allow
        major = rule.major.flatMap { $0 < 0 ? nil : $0 }
        minor = rule.minor.flatMap { $0 < 0 ? nil : $0 }
    }

    /// "a" with no numbers: resets the whole list (v1 semantics), whatever the access letters say.
    public var isWildcard: Bool { kind == .all }

    /// The v1 devices.allow / devices.deny line: "c 1:3 rwm".
    public var v1Line: String {
        "\(kind.rawValue) \(major.map(String.init) ?? "*"):\(minor.map(String.init) ?? "*") \(access)"
    }

    /// The devices every runc container may use unless the config says otherwise (runc's AllowedDevices):
    /// mknod of anything, null, random, full, tty, zero, urandom, ptys, ptmx and tun. Callers append these after
    /// the config's own rules when they build a container, as runc's specconv does.
    public static let runcDefaultAllowed: [LinuxDeviceCgroup] = [
        LinuxDeviceCgroup(allow: true, type: .char, access: "m"),
        LinuxDeviceCgroup(allow: true, type: .block, access: "m"),
        LinuxDeviceCgroup(allow: true, type: .char, major: 1, minor: 3, access: "rwm"),
        LinuxDeviceCgroup(allow: true, type: .char, major: 1, minor: 8, access: "rwm"),
        LinuxDeviceCgroup(allow: true, type: .char, major: 1, minor: 7, access: "rwm"),
        LinuxDeviceCgroup(allow: true, type: .char, major: 5, minor: 0, access: "rwm"),
        LinuxDeviceCgroup(allow: true, type: .char, major: 1, minor: 5, access: "rwm"),
        LinuxDeviceCgroup(allow: true, type: .char, major: 1, minor: 9, access: "rwm"),
        LinuxDeviceCgroup(allow: true, type: .char, major: 136, access: "rwm"),
        LinuxDeviceCgroup(allow: true, type: .char, major: 5, minor: 2, access: "rwm"),
        LinuxDeviceCgroup(allow: true, type: .char, major: 10, minor: 200, access: "rwm"),
    ]

    static func parse(_ rules: [LinuxDeviceCgroup]) throws(CgroupError) -> [DeviceRule] {
        var parsed: [DeviceRule] = []
        for (index, rule) in rules.enumerated() { parsed.append(try DeviceRule(rule, index: index)) }
        return parsed
    }
}
