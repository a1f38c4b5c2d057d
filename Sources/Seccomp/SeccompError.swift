/// A linux.seccomp section that cannot become a filter, named by its JSON path so `create` can say exactly
/// which value is wrong: "linux.seccomp.syscalls[3].args[0].index: 7 is out of range (0-5)".
public struct SeccompError: Error, Sendable, Equatable, CustomStringConvertible {
    /// JSON path of the offending value ("linux.seccomp.flags[1]").
    public var configPath: String
    /// What is wrong with it.
    public var detail: String

    public init(configPath: String, detail: String) {
        self.configPath = configPath
        self.detail = detail
    }

    public var description: String { "\(configPath): \(detail)" }
}
