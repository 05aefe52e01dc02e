import SakipCore
import Testing

private func numeric(_ code: String, target: Double, polarity: Polarity = .positive)
  -> IndicatorDefinition
{
  IndicatorDefinition(
    code: IndicatorCode(code), wording: code, unit: "%", section: "S",
    annualTarget: .number(target),
    polarity: polarity)
}

private func graded(_ code: String, _ target: String) -> IndicatorDefinition {
  IndicatorDefinition(
    code: IndicatorCode(code), wording: code, unit: "nilai", section: "S",
    annualTarget: .grade(target))
}

@Suite("Counting categories (SPEC §5.4, §5.5, §8 Ringkasan)")
struct CategorySummaryTests {
  @Test func countsEveryKindApart() {
    let inputs: [(IndicatorDefinition, ReportedValue)] = [
      (numeric("a", target: 100), .number(95)),  // Sangat Tinggi
      (numeric("b", target: 100), .number(91)),  // Sangat Tinggi
      (numeric("c", target: 100), .number(80)),  // Tinggi
      (numeric("d", target: 100), .number(70)),  // Sedang
      (numeric("e", target: 100), .number(60)),  // Rendah
      (numeric("f", target: 100), .number(10)),  // Sangat Rendah
      (numeric("g", target: 10, polarity: .negative), .number(30)),  // clamped 0: Sangat Rendah
      (numeric("h", target: 100), .notReported),  // belum lengkap
      (numeric("i", target: 0), .number(5)),  // target 0: not measurable
      (graded("j", "BB"), .text("A")),  // tercapai
      (graded("k", "WTP"), .text("WDP")),  // tidak tercapai
      (graded("l", "Tersedia"), .notReported),  // belum lengkap
    ]
    let measurements = inputs.map { d, r in
      measure(d, realisations: [.first: r], budget: [:], through: .first, rules: .default)
    }
    let summary = CategorySummary(yearToDate: measurements)
    #expect(summary.count(of: .veryHigh) == 2)
    #expect(summary.count(of: .high) == 1)
    #expect(summary.count(of: .medium) == 1)
    #expect(summary.count(of: .low) == 1)
    #expect(summary.count(of: .veryLow) == 2)
    #expect(summary.achieved == 1 && summary.notAchieved == 1)
    #expect(summary.incomplete == 2 && summary.notMeasurable == 1)
    #expect(summary.total == inputs.count)
  }

  @Test func emptyHasEveryCategoryAtZero() {
    let summary = CategorySummary([PeriodMeasure]())
    #expect(AchievementCategory.allCases.allSatisfy { summary.count(of: $0) == 0 })
    #expect(summary.byCategory.count == 5 && summary.total == 0)
  }

  @Test func customThresholdsChangeTheCounts() throws {
    let thresholds = try #require(CategoryThresholds(parsing: "96,80,70,60"))
    let m = measure(
      numeric("a", target: 100), realisations: [.first: .number(95)], budget: [:],
      through: .first, rules: MeasurementRules(thresholds: thresholds))
    #expect(CategorySummary(yearToDate: [m]).count(of: .high) == 1)
  }
}

@Suite("Reasons and notes read in both languages")
struct UnmeasuredReasonTests {
  @Test(
    arguments: [
      (
        UnmeasuredReason.notReported([.second]), "realisation not reported for TW2",
        "realisasi TW II belum dilaporkan"
      ),
      (
        .notReported([.first, .second]), "realisation not reported for TW1 and TW2",
        "realisasi TW I dan TW II belum dilaporkan"
      ),
      (
        .notReported([.first, .third, .fourth]), "realisation not reported for TW1, TW3 and TW4",
        "realisasi TW I, TW III dan TW IV belum dilaporkan"
      ),
      (
        .quarterTargetMissing([.third]), "no quarterly target for TW3",
        "target triwulan TW III tidak ada di Rencana Aksi"
      ),
    ])
  func texts(reason: UnmeasuredReason, english: String, indonesian: String) {
    #expect(reason.englishText == english)
    #expect(reason.indonesianText == indonesian)
  }

  static let all: [UnmeasuredReason] = [
    .notReported([.first]), .realisationNotANumber([.first]), .quarterTargetMissing([.first]),
    .targetNotANumber([.first]), .noTargetForPeriod, .zeroTarget, .qualitative,
    .zeroRealisationRatio, .ratioNeedsPositiveValues, .outOfRange,
  ]

  @Test(arguments: all)
  func everyReasonHasBothTexts(reason: UnmeasuredReason) {
    #expect(!reason.englishText.isEmpty && !reason.indonesianText.isEmpty)
    #expect(reason.englishText != reason.indonesianText)
  }

  @Test func onlyMissingDataIsIncomplete() {
    #expect(
      Self.all.filter(\.isIncompleteData) == [
        .notReported([.first]), .realisationNotANumber([.first]),
      ])
  }

  @Test(arguments: [AchievementNote.clampedToZero, .zeroTargetExceeded, .capped])
  func everyNoteHasBothTexts(note: AchievementNote) {
    #expect(!note.englishText.isEmpty && !note.indonesianText.isEmpty)
  }
}
