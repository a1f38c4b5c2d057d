/// ociVersion: a SemVer 2.0 string whose major version is 1.
enum VersionChecks {
    static func ociVersion(_ spec: Spec) -> [ConfigProblem] {
        guard let version = SemanticVersion(spec.ociVersion) else {
            return [.error("ociVersion", "\(quotedJSONString(spec.ociVersion)) is not a semantic version (MAJOR.MINOR.PATCH)")]
        }
        guard version.major == 1 else {
            return [.error("ociVersion", "unsupported version \(quotedJSONString(spec.ociVersion)) (swiftlet supports 1.x)")]
        }
        return []
    }
}

/// MAJOR.MINOR.PATCH with optional -prerelease and +build (semver.org); only the numbers are kept.
struct SemanticVersion: Equatable {
    var major: UInt64
    var minor: UInt64
    var patch: UInt64

    init?(_ text: String) {
        var core = Substring(text)
        if let plus = core.firstIndex(of: "+") {
            guard isValidIdentifiers(core[core.index(after: plus)...]) else { return nil }
            core = core[..<plus]
        }
        if let dash = core.firstIndex(of: "-") {
            guard isValidIdentifiers(core[core.index(after: dash)...]) else { return nil }
            core = core[..<dash]
        }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var numbers: [UInt64] = []
        for part in parts {
            // No leading zeros, digits only.
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }), part == "0" || part.first != "0",
                let number = UInt64(part)
            else { return nil }
            numbers.append(number)
        }
        major = numbers[0]
        minor = numbers[1]
        patch = numbers[2]
    }
}

private func isValidIdentifiers(_ text: Substring) -> Bool {
    let identifiers = text.split(separator: ".", omittingEmptySubsequences: false)
    return identifiers.allSatisfy { identifier in
        !identifier.isEmpty && identifier.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }
}
