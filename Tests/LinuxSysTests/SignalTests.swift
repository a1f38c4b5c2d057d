import Testing
@testable import LinuxSys

@Test func parsesSignalNamesLikeRunc() {
    #expect(Signal.parse("TERM") == .SIGTERM)
    #expect(Signal.parse("SIGTERM") == .SIGTERM)
    #expect(Signal.parse("term") == .SIGTERM)
    #expect(Signal.parse("sigkill") == .SIGKILL)
    #expect(Signal.parse("15") == .SIGTERM)
    #expect(Signal.parse("9") == .SIGKILL)
    #expect(Signal.parse("IOT") == .SIGABRT)
    #expect(Signal.parse("CLD") == .SIGCHLD)
    #expect(Signal.parse("WINCH")?.rawValue == 28)
}

@Test func parsesRealtimeSignals() {
    #expect(Signal.parse("RTMIN")?.rawValue == 34)
    #expect(Signal.parse("RTMIN+3")?.rawValue == 37)
    #expect(Signal.parse("SIGRTMAX-1")?.rawValue == 63)
    #expect(Signal.parse("RTMAX")?.rawValue == 64)
    #expect(Signal.parse("RTMIN+31") == nil)
    #expect(Signal.libcRealtimeMinimum == Signal.realtimeMinimum)
}

@Test func rejectsUnknownSignals() {
    #expect(Signal.parse("FOO") == nil)
    #expect(Signal.parse("0") == nil)
    #expect(Signal.parse("65") == nil)
    #expect(Signal.parse("-1") == nil)
    #expect(Signal.parse("") == nil)
}

@Test func signalNames() {
    #expect(Signal.SIGTERM.name == "SIGTERM")
    #expect(Signal(rawValue: 37).name == "SIGRTMIN+3")
    #expect(Signal(rawValue: 64).name == "SIGRTMAX")
}

@Test func signalSetMembership() {
    let set = SignalSet([.SIGTERM, .SIGCHLD])
    #expect(set.contains(.SIGTERM))
    #expect(set.contains(.SIGCHLD))
    #expect(!set.contains(.SIGKILL))
}
