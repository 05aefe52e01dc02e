import Testing

@Test func placeholderSakipCoreTests() { #expect(Bool(true)) }
