/// linux.devices (nodes to create) and linux.resources.devices (cgroup allowlist rules).
enum DeviceChecks {
    static func devices(_ spec: Spec) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        var firstIndex: [String: Int] = [:]
        for (index, device) in (spec.linux?.devices ?? []).enumerated() {
            let path = indexed("linux.devices", index)
            // config-linux.md "Devices": the path in the container; it need not be under /dev (runc accepts any).
            if !device.path.hasPrefix("/") || device.path.split(separator: "/").contains("..") {
                problems.append(.error(path + ".path", "must be an absolute path without \"..\", found \(quotedJSONString(device.path))"))
            }
            if let first = firstIndex[device.path] {
                problems.append(.error(path + ".path", "duplicate device \(quotedJSONString(device.path)) (also at linux.devices[\(first)])"))
            } else {
                firstIndex[device.path] = index
            }
            switch device.type {
            case .all:
                problems.append(.error(path + ".type", "\"a\" is only valid in linux.resources.devices rules (use c, b, u or p)"))
            case .fifo:
                break
            case .char, .block, .unbufferedChar:
                if device.major == nil { problems.append(.error(path + ".major", "required for device type \(quotedJSONString(device.type.rawValue))")) }
                if device.minor == nil { problems.append(.error(path + ".minor", "required for device type \(quotedJSONString(device.type.rawValue))")) }
            }
            if let mode = device.fileMode, mode > 0o7777 {
                problems.append(.error(path + ".fileMode", "\(mode) has bits beyond permissions (at most 4095, octal 7777)"))
            }
        }
        return problems
    }

    static func deviceCgroupRules(_ spec: Spec) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        for (index, rule) in (spec.linux?.resources?.devices ?? []).enumerated() {
            guard let access = rule.access else { continue }
            if !access.allSatisfy({ $0 == "r" || $0 == "w" || $0 == "m" }) {
                problems.append(.error(indexed("linux.resources.devices", index) + ".access", "must be made of r, w and m, found \(quotedJSONString(access))"))
            }
        }
        return problems
    }
}
