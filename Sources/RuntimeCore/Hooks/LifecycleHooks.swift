import OCISpec

/// The hooks of one lifecycle point, in config order; the first failure stops the rest (runtime.md: the
/// operation fails), except where the caller treats failures as warnings (poststop).
enum LifecycleHooks {
    static func run(_ kind: HookKind, of hooks: Hooks?, state: [UInt8]) throws(HookFailure) {
        guard let hooks else { return }
        for (index, hook) in hooks[kind].enumerated() {
            Log.debug("running \(kind.rawValue) hook #\(index): \(hook.path)")
            if let failure = HookCommand(hook: hook).run(stdin: state) {
                throw HookFailure(kind: kind, index: index, path: hook.path, outcome: failure.outcome, output: failure.output)
            }
        }
    }

    /// runtime.md step 13: a failing poststop hook is a warning, and the remaining hooks still run.
    /// `state` is built only if there is a hook to give it to (encoding it costs ~40 µs of every delete).
    static func runWarningOnly(_ kind: HookKind, of hooks: Hooks?, state makeState: @autoclosure () -> [UInt8]) {
        guard let hooks, !hooks[kind].isEmpty else { return }
        let state = makeState()
        for (index, hook) in hooks[kind].enumerated() {
            if let failure = HookCommand(hook: hook).run(stdin: state) {
                Log.warning(HookFailure(kind: kind, index: index, path: hook.path, outcome: failure.outcome,
                                        output: failure.output).description)
            }
        }
    }

    static func isEmpty(_ hooks: Hooks?, _ kinds: [HookKind]) -> Bool {
        guard let hooks else { return true }
        return kinds.allSatisfy { hooks[$0].isEmpty }
    }

    // MARK: Kept in the state

    /// poststart (for `start`) and poststop (for `delete`) run after `create` has exited: the hooks travel in the
    /// container's record, so a bundle edited or removed later changes nothing (runc keeps its config in state.json too).
    static let recordKey = "hooks"

    static func store(_ hooks: Hooks?, in record: inout ContainerRecord) {
        guard let hooks, !isEmpty(hooks, [.poststart, .poststop]) else { return }
        let kept = Hooks(poststart: hooks.poststart, poststop: hooks.poststop)
        if let data = try? SpecJSON.encoded(kept, pretty: false) { record.extensions[recordKey] = String(decoding: data, as: UTF8.self) }
    }

    static func stored(in record: ContainerRecord) -> Hooks? {
        guard let text = record.extensions[recordKey] else { return nil }
        return try? SpecDecoder.decode(Hooks.self, from: Array(text.utf8))
    }
}
