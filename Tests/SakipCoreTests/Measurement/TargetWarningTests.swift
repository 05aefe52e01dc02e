import SakipCore
import Testing

private func definition(
  _ aggregation: Aggregation, annual: Target, quarterly: [Quarter: Target]
) -> IndicatorDefinition {
  IndicatorDefinition(
    code: IndicatorCode("X"), wording: "x", unit: "x", section: "S", annualTarget: annual,
    quarterTargets: quarterly, aggregation: aggregation)
}

private func q(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> [Quarter: Target] {
  [.first: .number(a), .second: .number(b), .third: .number(c), .fourth: .number(d)]
}

@Suite("Definition warnings on targets (SPEC §5.2)")
struct TargetWarningTests {
  @Test(
    arguments: [
      (Aggregation.sum, Target.number(12), q(3, 3, 3, 3), [TargetWarning]()),
      (.sum, .number(0.6), q(0.1, 0.2, 0.2, 0.1), []),  // 0.1 + 0.2 + … within tolerance
      (.sum, .number(12), q(3, 3, 3, 4), [.quarterSumDiffersFromAnnual(sum: 13, annual: 12)]),
      (
        .sum, .number(12), q(3, 3, 3, 3.0001),
        [.quarterSumDiffersFromAnnual(sum: 12.0001, annual: 12)]
      ),
      (.sum, .number(0), q(0, 0, 0, 0), []),
      (
        .sum, .number(12), [.first: .number(12)],
        [.quarterTargetsIncomplete(missing: [.second, .third, .fourth])]
      ),
      (.sum, .number(12), [:], []),
      (.last, .number(80), q(20, 40, 60, 80), []),
      (
        .last, .number(80), q(20, 40, 60, 75),
        [.fourthQuarterDiffersFromAnnual(fourthQuarter: .number(75), annual: .number(80))]
      ),
      (
        .last, .number(80), [.second: .number(40)],
        [.quarterTargetsIncomplete(missing: [.first, .third, .fourth])]
      ),
      (
        .last, .grade("BB"), [.fourth: .grade(" bb")],
        [.quarterTargetsIncomplete(missing: [.first, .second, .third])]
      ),
      (
        .last, .grade("BB"),
        [.first: .grade("B"), .second: .grade("B"), .third: .grade("BB"), .fourth: .grade("A")],
        [.fourthQuarterDiffersFromAnnual(fourthQuarter: .grade("A"), annual: .grade("BB"))]
      ),
      (.mean, .number(80), q(70, 80, 90, 100), []),
      (.maximum, .number(80), q(1, 2, 3, 4), []),
    ])
  func warnings(
    aggregation: Aggregation, annual: Target, quarterly: [Quarter: Target],
    expected: [TargetWarning]
  ) {
    #expect(
      TargetWarning.warnings(for: definition(aggregation, annual: annual, quarterly: quarterly))
        == expected)
  }
}
