import SakipCore
import Testing

private func p11(ceiling: Double? = 450_000_000) -> IndicatorDefinition {
  IndicatorDefinition(
    code: IndicatorCode("P1.1"), wording: "Aplikasi yang dibangun", unit: "aplikasi",
    section: "Bidang Aplikasi Informatika", annualTarget: .number(12),
    quarterTargets: [
      .first: .number(3), .second: .number(3), .third: .number(3), .fourth: .number(3),
    ],
    level: .program, aggregation: .sum, ceiling: ceiling)
}

@Suite("Measuring one indicator (SPEC §5, §8.1)")
struct IndicatorMeasurementTests {
  @Test(
    "Periods: TW1 … the period, S1 once TW II is in, S2 at TW IV, then YTD",
    arguments: [
      (Quarter.first, ["TW1", "YTD"]), (.second, ["TW1", "TW2", "S1", "YTD"]),
      (.third, ["TW1", "TW2", "TW3", "S1", "YTD"]),
      (.fourth, ["TW1", "TW2", "TW3", "TW4", "S1", "S2", "YTD"]),
    ])
  func periodOrder(through: Quarter, keys: [String]) {
    let m = measure(p11(), realisations: [:], budget: [:], through: through, rules: .default)
    #expect(m.periods.map(\.period.key) == keys)
    #expect(m.reportingPeriod == through)
  }

  /// The example of SPEC §8.1: TW1 reported (2 of 3), TW2 not yet.
  @Test func specExample() throws {
    let m = measure(
      p11(), realisations: [.first: .number(2)], budget: [.first: 80_000_000, .second: 95_500_000],
      through: .second, rules: .default)
    #expect(m.code == IndicatorCode("P1.1"))
    let tw1 = try #require(m.measure(of: .quarter(.first)))
    #expect(tw1.target == 3 && tw1.realisation == 2)
    #expect(tw1.achievement == 200.0 / 3.0)
    #expect(tw1.category == .medium)
    #expect(tw1.missing.isEmpty && tw1.reason == nil && !tw1.clampedToZero)
    let ytd = try #require(m.yearToDate)
    #expect(ytd.target == 6 && ytd.realisation == nil && ytd.achievement == nil)
    #expect(ytd.category == nil)
    #expect(ytd.missing == [.second])
    #expect(ytd.reason?.englishText == "realisation not reported for TW2")
    #expect(ytd.reason?.indonesianText == "realisasi TW II belum dilaporkan")
    #expect(m.annual.target == 12 && m.annual.realisation == nil && m.annual.missing == [.second])
    let budget = try #require(m.budget)
    #expect(budget.toDate == 175_500_000)
    #expect(budget.absorption == 39)
    #expect(budget.remaining == 274_500_000)
    #expect(budget.efficiency == nil)  // no capaian to date yet
  }

  @Test func annualProgressUsesTheAnnualTarget() throws {
    let m = measure(
      p11(), realisations: [.first: .number(2), .second: .number(4)], budget: [:],
      through: .second, rules: .default)
    #expect(m.annual.target == 12 && m.annual.realisation == 6 && m.annual.progress == 50)
    #expect(m.yearToDate?.achievement == 100)  // 6 against the S1 target of 6
    #expect(m.yearToDate?.category == .veryHigh)
    // budget: none reported, both quarters missing
    let budget = try #require(m.budget)
    #expect(budget.missing == [.first, .second] && budget.toDate == nil)
    #expect(budget.reason == .notReported([.first, .second]))
  }

  @Test func sumWithoutQuarterlyTargets() throws {
    var d = p11(ceiling: nil)
    d.quarterTargets = [:]
    let reported: [Quarter: ReportedValue] = [
      .first: .number(3), .second: .number(3), .third: .number(3), .fourth: .number(4),
    ]
    let m = measure(d, realisations: reported, budget: [:], through: .fourth, rules: .default)
    #expect(m.budget == nil)
    for key in ["TW1", "TW2", "TW3", "TW4", "S1", "S2"] {
      let pm = try #require(m.periods.first { $0.period.key == key })
      #expect(pm.target == nil && pm.achievement == nil && pm.reason == .noTargetForPeriod)
      #expect(pm.realisation != nil)
    }
    let ytd = try #require(m.yearToDate)
    #expect(ytd.target == 12 && ytd.realisation == 13 && ytd.achievement == 1300.0 / 12.0)
    #expect(m.annual.progress == 1300.0 / 12.0)
  }

  @Test func missingRealisationWinsOverMissingTarget() throws {
    var d = p11(ceiling: nil)
    d.quarterTargets = [:]
    let m = measure(d, realisations: [:], budget: [:], through: .first, rules: .default)
    let tw1 = try #require(m.measure(of: .quarter(.first)))
    #expect(tw1.reason == .notReported([.first]) && tw1.missing == [.first])
  }

  @Test func negativeIndicatorClampedCarriesTheNote() throws {
    let d = IndicatorDefinition(
      code: IndicatorCode("K1.3.3"), wording: "Gangguan jaringan", unit: "kali",
      section: "Bidang Infrastruktur TIK", annualTarget: .number(4), polarity: .negative)
    let m = measure(
      d, realisations: [.first: .number(9), .second: .number(3)], budget: [:], through: .second,
      rules: .default)
    let tw1 = try #require(m.measure(of: .quarter(.first)))
    #expect(tw1.achievement == 0 && tw1.clampedToZero && tw1.note == .clampedToZero)
    #expect(tw1.category == .veryLow && tw1.reason == nil)
    let s1 = try #require(m.measure(of: .semester(.first)))
    #expect(s1.realisation == 3 && s1.achievement == 125 && !s1.clampedToZero)
  }

  @Test func ratioFormulaAndCapFlowThrough() throws {
    let d = IndicatorDefinition(
      code: IndicatorCode("K2"), wording: "Temuan", unit: "temuan", section: "Inspektorat",
      annualTarget: .number(5), polarity: .negative)
    let rules = try #require(MeasurementRules(negativeFormula: .ratio, cap: 150))
    let m = measure(
      d, realisations: [.first: .number(2)], budget: [:], through: .first, rules: rules)
    let tw1 = try #require(m.measure(of: .quarter(.first)))
    #expect(tw1.achievement == 150 && tw1.note == .capped && tw1.category == .veryHigh)
    let noCap = measure(
      d, realisations: [.first: .number(0)], budget: [:], through: .first,
      rules: MeasurementRules(negativeFormula: .ratio))
    #expect(noCap.yearToDate?.reason == .zeroRealisationRatio)
    #expect(noCap.yearToDate?.achievement == nil)
  }

  @Test func quartersAfterThePeriodAreIgnored() throws {
    let m = measure(
      p11(), realisations: [.first: .number(3), .third: .number(100)],
      budget: [.first: 10, .third: 1e12], through: .first, rules: .default)
    #expect(m.yearToDate?.realisation == 3)
    let budget = try #require(m.budget)
    #expect(budget.byQuarter == [.first: 10] && budget.toDate == 10 && !budget.overCeiling)
  }

  @Test func efficiencyIsAchievementMinusAbsorption() throws {
    let m = measure(
      p11(ceiling: 1_000), realisations: [.first: .number(3)], budget: [.first: 200],
      through: .first, rules: .default)
    let budget = try #require(m.budget)
    #expect(m.yearToDate?.achievement == 100)
    #expect(budget.absorption == 20 && budget.efficiency == 80)
  }
}
