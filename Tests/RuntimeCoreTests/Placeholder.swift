import Testing
@testable import RuntimeCore
@Test func moduleLinks() { #expect(Bool(true)) }
