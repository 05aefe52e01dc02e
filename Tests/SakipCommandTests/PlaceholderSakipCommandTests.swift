import Testing

@Test func placeholderSakipCommandTests() { #expect(Bool(true)) }
