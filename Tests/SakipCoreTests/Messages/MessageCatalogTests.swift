import Testing

@testable import SakipCore

/// Every kind of finding has a message in both languages that says what to do.
struct MessageCatalogTests {
  static let samples: [FindingMessage] = [
    .definitionColumnsMissing(["kode"]), .definitionValueMissing, .definitionDuplicate(firstLine: 3),
    .definitionUnknownWord("x", allowed: ["a"]), .definitionParentUnknown(IndicatorCode("Z")),
    .definitionCycle([IndicatorCode("A"), IndicatorCode("B"), IndicatorCode("A")]),
    .definitionNotNumber("1.5", .otherDecimalMark, .comma), .definitionQuarterTargetsSum(sum: 10, annual: 12),
    .definitionLastQuarterTarget(q4: .number(3), annual: .number(4)), .definitionQuarterTargetsIncomplete([.third]),
    .definitionEmpty, .formMissing(indicators: 4), .indicatorMissing(wording: "w"), .valueMissing(.second, written: nil),
    .budgetMissing(.first), .unreadable(.unclosedQuote(line: 3)), .unreadable(.malformedQuote(line: 2)),
    .unreadable(.binary), .unreadable(.workbook), .unreadable(.io("x")), .unreadable(.empty), .headerMissing,
    .codeDuplicate(firstLine: 2), .codeUnknown(suggestion: IndicatorCode("P1")), .codeUnknown(suggestion: nil),
    .notNumber("x", .notANumber, .point), .notNumber("1e999", .outOfRange, .point), .notNumber("1,2,3", .ambiguous, .comma),
    .orphanValue("5"), .extraCells("x"),
    .conflict(.second, budget: true, value: .number(1), otherValue: .number(2), otherFile: "a.csv", otherLine: 3),
    .yearMismatch(form: 2024, expected: 2025), .periodMismatch(form: .third, expected: .second),
    .periodMismatch(form: .first, expected: .second), .targetMismatch(form: "80", definitions: .number(85)),
    .unitMismatch(form: "x", definitions: "%"), .budgetOverCeiling(toDate: 2, ceiling: 1),
    .fractionPercent(value: 0.85, target: 85), .outlier(.second, value: 9, previous: 1),
    .explanationMissing(achievement: 50), .evidenceMissing,
  ]

  @Test(arguments: samples)
  func bothLanguagesSaySomethingDifferent(message: FindingMessage) {
    let id = MessageCatalog(language: .indonesian).message(message, code: IndicatorCode("P1"))
    let en = MessageCatalog(language: .english).message(message, code: IndicatorCode("P1"))
    #expect(id.count > 20)
    #expect(en.count > 20)
    #expect(id != en)
  }

  @Test func numbersInMessagesFollowTheLanguage() {
    let message = FindingMessage.budgetOverCeiling(toDate: 1_250_000.5, ceiling: 1_000_000)
    #expect(MessageCatalog(language: .indonesian).message(message, code: nil).contains("Rp 1.250.000,5"))
    #expect(MessageCatalog(language: .english).message(message, code: nil).contains("Rp 1,250,000.5"))
  }

  @Test func theUnknownCodeMessageSuggestsTheNearest() {
    let text = MessageCatalog(language: .indonesian).message(.codeUnknown(suggestion: IndicatorCode("SS2.IKU3")), code: IndicatorCode("SS2.IKU03"))
    #expect(text.contains("Mungkin maksudnya SS2.IKU3?"))
  }
}
