/// The bytes of one SyncMessage packet: a tag byte, then the case's fields (little-endian integers, strings as a
/// 32-bit length and UTF-8). Hand-written rather than JSONEncoder: Codable's per-case coding keys cost a
/// protocol-conformance table scan each the first time (2.8 M instructions of a `run`'s 17 M, bench (a)), and
/// both ends are the same binary, so the format needs no versioning.
enum SyncWireFormat {
    private enum Tag: UInt8 {
        case proceed = 1, userNamespaceCreated, idMappingsWritten, initForked, initPidRecorded, seccompListener
        case seccompListenerSent, ready, stateCommitted, detached, createRuntimeHooks, createRuntimeHooksDone
        case consoleReady, failed, stageTimings, start, started
    }

    static func encode(_ message: SyncMessage) -> [UInt8] {
        var writer = Writer()
        switch message {
        case .proceed: writer.tag(.proceed)
        case .userNamespaceCreated: writer.tag(.userNamespaceCreated)
        case .idMappingsWritten: writer.tag(.idMappingsWritten)
        case .initForked(let pid): writer.tag(.initForked); writer.integer(pid)
        case .initPidRecorded: writer.tag(.initPidRecorded)
        case .seccompListener(let fd): writer.tag(.seccompListener); writer.integer(fd)
        case .seccompListenerSent: writer.tag(.seccompListenerSent)
        case .ready: writer.tag(.ready)
        case .stateCommitted: writer.tag(.stateCommitted)
        case .detached: writer.tag(.detached)
        case .start: writer.tag(.start)
        case .started: writer.tag(.started)
        case .createRuntimeHooks: writer.tag(.createRuntimeHooks)
        case .createRuntimeHooksDone: writer.tag(.createRuntimeHooksDone)
        case .consoleReady: writer.tag(.consoleReady)
        case .failed(let failure):
            writer.tag(.failed)
            writer.string(failure.stage)
            writer.optionalString(failure.configPath)
            writer.string(failure.detail)
        case .stageTimings(let timings):
            writer.tag(.stageTimings)
            writer.integer(UInt32(timings.count))
            for timing in timings { writer.string(timing.stage); writer.integer(timing.nanoseconds) }
        }
        return writer.bytes
    }

    /// nil for a packet this binary did not write (truncated, unknown tag, trailing bytes).
    static func decode(_ bytes: ArraySlice<UInt8>) -> SyncMessage? {
        var reader = Reader(bytes: bytes)
        guard let raw = reader.byte(), let tag = Tag(rawValue: raw) else { return nil }
        let message: SyncMessage?
        switch tag {
        case .proceed: message = .proceed
        case .userNamespaceCreated: message = .userNamespaceCreated
        case .idMappingsWritten: message = .idMappingsWritten
        case .initForked: message = reader.integer(Int32.self).map { .initForked(pid: $0) }
        case .initPidRecorded: message = .initPidRecorded
        case .seccompListener: message = reader.integer(Int32.self).map { .seccompListener(fd: $0) }
        case .seccompListenerSent: message = .seccompListenerSent
        case .ready: message = .ready
        case .stateCommitted: message = .stateCommitted
        case .detached: message = .detached
        case .start: message = .start
        case .started: message = .started
        case .createRuntimeHooks: message = .createRuntimeHooks
        case .createRuntimeHooksDone: message = .createRuntimeHooksDone
        case .consoleReady: message = .consoleReady
        case .failed:
            guard let stage = reader.string(), let configPath = reader.optionalString(), let detail = reader.string() else {
                return nil
            }
            message = .failed(SetupFailure(stage: stage, configPath: configPath, detail: detail))
        case .stageTimings:
            guard let count = reader.integer(UInt32.self) else { return nil }
            var timings: [StageTiming] = []
            for _ in 0..<count {
                guard let stage = reader.string(), let nanoseconds = reader.integer(UInt64.self) else { return nil }
                timings.append(StageTiming(stage: stage, nanoseconds: nanoseconds))
            }
            message = .stageTimings(timings)
        }
        return reader.isAtEnd ? message : nil
    }

    private struct Writer {
        var bytes: [UInt8] = []

        mutating func tag(_ tag: Tag) { bytes.append(tag.rawValue) }

        mutating func integer<I: FixedWidthInteger>(_ value: I) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func string(_ text: String) {
            let utf8 = Array(text.utf8)
            integer(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }

        mutating func optionalString(_ text: String?) {
            bytes.append(text == nil ? 0 : 1)
            if let text { string(text) }
        }
    }

    private struct Reader {
        var bytes: ArraySlice<UInt8>

        var isAtEnd: Bool { bytes.isEmpty }

        mutating func byte() -> UInt8? { bytes.popFirst() }

        mutating func integer<I: FixedWidthInteger>(_ type: I.Type) -> I? {
            let size = MemoryLayout<I>.size
            guard bytes.count >= size else { return nil }
            var value: I = 0
            for (shift, byte) in bytes.prefix(size).enumerated() { value |= I(truncatingIfNeeded: byte) << (shift * 8) }
            bytes = bytes.dropFirst(size)
            return value
        }

        mutating func string() -> String? {
            guard let length = integer(UInt32.self), bytes.count >= Int(length) else { return nil }
            let text = String(decoding: bytes.prefix(Int(length)), as: UTF8.self)
            bytes = bytes.dropFirst(Int(length))
            return text
        }

        /// Double optional: nil when the packet is malformed, .some(nil) for an absent string.
        mutating func optionalString() -> String?? {
            guard let present = byte() else { return nil }
            if present == 0 { return .some(nil) }
            guard let text = string() else { return nil }
            return .some(text)
        }
    }
}
