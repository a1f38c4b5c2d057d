import OCISpec
import RuntimeCore

/// `features`: what this build implements (features.md), as JSON with sorted keys.
enum FeaturesCommand: Command {
    static let spec = CommandSpec(
        name: "features", usage: "show the enabled features", argsUsage: "",
        description: "Show the enabled features.\n   The result is parsable as a JSON.",
        arity: .exactly(0))

    static func run(_ context: CommandContext) throws -> Int32 {
        Output.write(String(decoding: SpecJSON.encode(ImplementedFeatures.current, pretty: true), as: UTF8.self) + "\n")
        return 0
    }
}
