import Testing
@testable import LinuxSys
@Test func moduleLinks() { #expect(Bool(true)) }
