/// config.json → `Spec`, reporting syntax, type, enum and semantic problems all at once.
public enum SpecLoader {
    /// Throws when any problem is an error; returns the spec and its warnings otherwise.
    public static func load(bytes: [UInt8]) throws(ConfigError) -> (spec: Spec, warnings: [ConfigProblem]) {
        let (spec, problems) = diagnose(bytes: bytes)
        guard let spec, !problems.contains(where: { $0.severity == .error }) else {
            throw ConfigError(problems: problems)
        }
        return (spec, problems)
    }

    /// Reads `<bundle>/config.json`; a missing or unreadable file is a problem with path "config.json".
    public static func load(bundle: String) throws(ConfigError) -> (spec: Spec, warnings: [ConfigProblem]) {
        let path = bundle.hasSuffix("/") ? bundle + "config.json" : bundle + "/config.json"
        let bytes: [UInt8]
        do {
            bytes = try BundleFile.read(path)
        } catch {
            throw ConfigError(problems: [.error("config.json", "cannot read \(path): \(error.reason)")])
        }
        return try load(bytes: bytes)
    }

    /// Every problem (errors and warnings) without throwing, for `swiftlet check`.
    /// The spec is nil only when nothing could be decoded.
    public static func diagnose(bytes: [UInt8]) -> (spec: Spec?, problems: [ConfigProblem]) {
        let outcome = SpecDecoder.decodeCollecting(Spec.self, from: bytes)
        guard let spec = outcome.value else { return (nil, outcome.problems) }
        // Checks that read a field dropped by a decoding problem are skipped: they would only echo it.
        let semantic = SpecValidator.validate(spec, skippingChecksThatRead: outcome.droppedPaths)
        return (spec, outcome.problems + semantic)
    }
}
