import Testing
@testable import OCISpec
@Test func moduleLinks() { #expect(Bool(true)) }
