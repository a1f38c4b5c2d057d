import Testing
@testable import RuntimeCore

/// The create-time sync protocol's bytes (SyncWireFormat) and the --debug stage timings it carries.
@Suite struct SyncWireFormatTests {
    static let everyMessage: [SyncMessage] = [
        .proceed, .userNamespaceCreated, .idMappingsWritten, .initForked(pid: 4_194_304), .initPidRecorded,
        .seccompListener(fd: 7), .seccompListenerSent, .ready, .stateCommitted, .detached, .createRuntimeHooks,
        .createRuntimeHooksDone, .consoleReady, .start, .started,
        .failed(SetupFailure(stage: "mounts", configPath: "mounts[2]", detail: "mount /proc/self/fd/5: permission denied")),
        .failed(SetupFailure(stage: "init", configPath: nil, detail: "")),
        .stageTimings([]),
        .stageTimings([StageTiming(stage: "mounts (MountsStage)", nanoseconds: 252_000),
                       StageTiming(stage: "pivot_root (PivotRootStage)", nanoseconds: UInt64.max)]),
    ]

    @Test(arguments: everyMessage)
    func everyMessageSurvivesTheRoundTrip(_ message: SyncMessage) {
        let bytes = SyncWireFormat.encode(message)
        #expect(SyncWireFormat.decode(bytes[...]) == message)
    }

    @Test func unknownTagsTruncatedAndTrailingBytesAreRejected() {
        #expect(SyncWireFormat.decode([][...]) == nil)
        #expect(SyncWireFormat.decode([0][...]) == nil)
        #expect(SyncWireFormat.decode([200][...]) == nil)
        let forked = SyncWireFormat.encode(.initForked(pid: 42))
        #expect(SyncWireFormat.decode(forked.dropLast()) == nil)
        #expect(SyncWireFormat.decode((forked + [0])[...]) == nil)
        let failed = SyncWireFormat.encode(.failed(SetupFailure(stage: "s", configPath: "p", detail: "d")))
        #expect(SyncWireFormat.decode(failed.dropLast()) == nil)
    }

    @Test func textIsKeptByteForByte() {
        let detail = "open \"/dev/ü\": no such file or directory\n"
        let message = SyncMessage.failed(SetupFailure(stage: "devices", configPath: "linux.devices[0]", detail: detail))
        guard case .failed(let failure)? = SyncWireFormat.decode(SyncWireFormat.encode(message)[...]) else {
            Issue.record("not decoded")
            return
        }
        #expect(failure.detail == detail)
        #expect(failure.description == "devices: linux.devices[0]: \(detail)")
    }

    @Test func stageTimingsReadAsMilliseconds() {
        #expect(StageTiming(stage: "mounts", nanoseconds: 252_000).description == "setup stage mounts: 0.252 ms")
        #expect(StageTiming(stage: "namespaces", nanoseconds: 12_345_678).description == "setup stage namespaces: 12.345 ms")
        #expect(StageTiming(stage: "hooks", nanoseconds: 999).description == "setup stage hooks: 0.000 ms")
    }
}
