/// Lifecycle hooks (config.md "POSIX-platform Hooks").
public struct Hooks: Codable, Sendable, Equatable {
    /// Deprecated by the spec; still run, right before createRuntime hooks.
    public var prestart: [Hook]?
    public var createRuntime: [Hook]?
    public var createContainer: [Hook]?
    public var startContainer: [Hook]?
    public var poststart: [Hook]?
    public var poststop: [Hook]?

    public init(
        prestart: [Hook]? = nil, createRuntime: [Hook]? = nil, createContainer: [Hook]? = nil,
        startContainer: [Hook]? = nil, poststart: [Hook]? = nil, poststop: [Hook]? = nil
    ) {
        self.prestart = prestart
        self.createRuntime = createRuntime
        self.createContainer = createContainer
        self.startContainer = startContainer
        self.poststart = poststart
        self.poststop = poststop
    }

    /// The hooks of one kind, in order (empty when absent).
    public subscript(kind: HookKind) -> [Hook] {
        get {
            switch kind {
            case .prestart: prestart ?? []
            case .createRuntime: createRuntime ?? []
            case .createContainer: createContainer ?? []
            case .startContainer: startContainer ?? []
            case .poststart: poststart ?? []
            case .poststop: poststop ?? []
            }
        }
    }
}

/// One hook command; `timeout` is in seconds.
public struct Hook: Codable, Sendable, Equatable {
    public var path: String
    public var args: [String]?
    public var env: [String]?
    public var timeout: Int?

    public init(path: String, args: [String]? = nil, env: [String]? = nil, timeout: Int? = nil) {
        self.path = path
        self.args = args
        self.env = env
        self.timeout = timeout
    }
}

/// The hook lists, named as their JSON keys, in lifecycle order.
public enum HookKind: String, SpecEnum {
    case prestart, createRuntime, createContainer, startContainer, poststart, poststop
    public static let specKind = "hook"
}
