import Testing

@testable import SakipCore

/// `Recap.measurements`, measured each time one is read, and what the recap notes without
/// keeping them.
struct RecapMeasurementsTests {
  @Test func eachMeasurementIsTheEnginesForItsIndicator() throws {
    let recap = try WorkbookFixture().recap
    let report = recap.report
    #expect(recap.measurements.count == recap.definitions.indicators.count)
    #expect(recap.measurements.count > 3)
    for (index, indicator) in recap.definitions.indicators.enumerated() {
      let own = measure(
        indicator, realisations: report.merged.reportedRealisations(of: indicator.code),
        budget: report.merged.reportedBudget(of: indicator.code), through: report.period, rules: recap.rules)
      #expect(recap.measurements[index] == own, "\(indicator.code)")
      #expect(recap.measurements[index] == recap.measurements[index])
    }
  }

  @Test func achievementToDateIsNotedForEveryIndicator() throws {
    let recap = try WorkbookFixture().recap
    var with = 0
    for (index, measurement) in recap.measurements.enumerated() {
      let toDate = measurement.yearToDate
      #expect(recap.hasAchievementToDate(at: index) == Layout.hasAchievementFormula(toDate))
      #expect(recap.hasAchievementToDate(at: index) == (toDate?.achievement != nil && toDate?.target != nil))
      if recap.hasAchievementToDate(at: index) { with += 1 }
    }
    #expect(with > 0 && with < recap.measurements.count)
    #expect(!recap.hasAchievementToDate(at: -1) && !recap.hasAchievementToDate(at: recap.measurements.count))
  }

  @Test(arguments: [nil, 0, 1_000_000, -5, Double.infinity, -Double.infinity, Double.nan])
  func budgetFiguresAreKnownWithoutMeasuring(ceiling: Double?) {
    let definition = IndicatorDefinition(
      code: IndicatorCode("A"), wording: "a", unit: "%", section: "X", annualTarget: .number(1), ceiling: ceiling)
    let measured = measure(definition, realisations: [.first: .number(1)], budget: [.first: 10], through: .first)
    #expect(definition.hasBudgetFigures == (measured.budget != nil))
  }
}
