/// Version strings shown by `swiftlet --version` and in `features` annotations.
public enum SwiftletVersion {
    public static let version = "0.1.0"
    /// Not embedded at build time yet.
    public static let commit = "unknown"
    /// The newest runtime-spec version swiftlet implements.
    public static let spec = "1.3.0"
}
