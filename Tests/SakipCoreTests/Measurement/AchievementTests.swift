import SakipCore
import Testing

/// One row of the SPEC §5.3 table: what a target and realisation give under some rules.
struct AchievementCase: Sendable, CustomTestStringConvertible {
  var target: Double
  var realisation: Double
  var polarity: Polarity
  var formula: NegativeFormula = .standard
  var cap: Double? = nil
  var expected: Achievement

  var testDescription: String {
    "\(polarity.rawValue) \(formula) T=\(target) R=\(realisation) cap=\(cap.map { "\($0)" } ?? "-")"
  }
}

private func v(_ x: Double, _ note: AchievementNote? = nil) -> Achievement {
  guard let n = FiniteNumber(x) else { return .undefined(.outOfRange) }
  return .value(n, note: note)
}

@Suite("Achievement (capaian, SPEC §5.3)")
struct AchievementTests {
  static let cases: [AchievementCase] = [
    // positif: R / T × 100
    .init(target: 3, realisation: 2, polarity: .positive, expected: v(200.0 / 3.0)),
    .init(target: 100, realisation: 100, polarity: .positive, expected: v(100)),
    .init(target: 80, realisation: 120, polarity: .positive, expected: v(150)),
    .init(target: 5, realisation: 0, polarity: .positive, expected: v(0)),
    .init(target: 5, realisation: -0.0, polarity: .positive, expected: v(0)),
    // positif below zero is not clamped: SPEC clamps the negatif formula only.
    .init(target: 5, realisation: -2, polarity: .positive, expected: v(-40)),
    // positif with T = 0: undefined, with the reason; also for R = 0.
    .init(target: 0, realisation: 3, polarity: .positive, expected: .undefined(.zeroTarget)),
    .init(target: 0, realisation: 0, polarity: .positive, expected: .undefined(.zeroTarget)),
    .init(target: -0.0, realisation: 0, polarity: .positive, expected: .undefined(.zeroTarget)),
    // negatif standard: (2T − R) / T × 100
    .init(target: 10, realisation: 5, polarity: .negative, expected: v(150)),
    .init(target: 10, realisation: 10, polarity: .negative, expected: v(100)),
    .init(target: 10, realisation: 15, polarity: .negative, expected: v(50)),
    .init(target: 10, realisation: 20, polarity: .negative, expected: v(0)),
    .init(target: 10, realisation: 0, polarity: .negative, expected: v(200)),
    // R > 2T: below zero, so 0 with the note.
    .init(target: 10, realisation: 25, polarity: .negative, expected: v(0, .clampedToZero)),
    .init(target: 10, realisation: 1e6, polarity: .negative, expected: v(0, .clampedToZero)),
    // negatif with T = 0 ("0 findings"): 100 when R = 0, else 0; either formula.
    .init(target: 0, realisation: 0, polarity: .negative, expected: v(100)),
    .init(target: 0, realisation: 2, polarity: .negative, expected: v(0, .zeroTargetExceeded)),
    .init(target: 0, realisation: -1, polarity: .negative, expected: v(100)),
    .init(target: 0, realisation: 0, polarity: .negative, formula: .ratio, expected: v(100)),
    .init(
      target: 0, realisation: 2, polarity: .negative, formula: .ratio,
      expected: v(0, .zeroTargetExceeded)),
    // negatif ratio: T / R × 100
    .init(target: 10, realisation: 5, polarity: .negative, formula: .ratio, expected: v(200)),
    .init(target: 10, realisation: 20, polarity: .negative, formula: .ratio, expected: v(50)),
    .init(target: 10, realisation: 40, polarity: .negative, formula: .ratio, expected: v(25)),
    // ratio with R = 0: unbounded; undefined without a cap, the cap with one.
    .init(
      target: 10, realisation: 0, polarity: .negative, formula: .ratio,
      expected: .undefined(.zeroRealisationRatio)),
    .init(
      target: 10, realisation: 0, polarity: .negative, formula: .ratio, cap: 120,
      expected: v(120, .capped)),
    .init(
      target: 10, realisation: -1, polarity: .negative, formula: .ratio,
      expected: .undefined(.ratioNeedsPositiveValues)),
    .init(
      target: -10, realisation: 5, polarity: .negative, formula: .ratio,
      expected: .undefined(.ratioNeedsPositiveValues)),
    // cap: only when given, applied last, never raises a value.
    .init(target: 80, realisation: 120, polarity: .positive, cap: 120, expected: v(120, .capped)),
    .init(target: 80, realisation: 96, polarity: .positive, cap: 120, expected: v(120)),
    .init(target: 80, realisation: 40, polarity: .positive, cap: 120, expected: v(50)),
    .init(target: 10, realisation: 2, polarity: .negative, cap: 150, expected: v(150, .capped)),
    .init(
      target: 10, realisation: 25, polarity: .negative, cap: 150, expected: v(0, .clampedToZero)),
    // negative targets: gap over |T|; meeting it is 100, doing better is above 100.
    .init(target: -2, realisation: -2, polarity: .positive, expected: v(100)),
    .init(target: -2, realisation: -1, polarity: .positive, expected: v(150)),
    .init(target: -2, realisation: -3, polarity: .positive, expected: v(50)),
    .init(target: -2, realisation: 2, polarity: .positive, expected: v(300)),
    .init(target: -2, realisation: -2, polarity: .negative, expected: v(100)),
    .init(target: -2, realisation: -3, polarity: .negative, expected: v(150)),
    .init(target: -2, realisation: -1, polarity: .negative, expected: v(50)),
    .init(target: -2, realisation: 0, polarity: .negative, expected: v(0)),
    .init(target: -2, realisation: 1, polarity: .negative, expected: v(0, .clampedToZero)),
    // nothing overflows into infinity or NaN.
    .init(
      target: 1e-300, realisation: 1e300, polarity: .positive, expected: .undefined(.outOfRange)),
    .init(
      target: .greatestFiniteMagnitude, realisation: 0, polarity: .negative,
      expected: .undefined(.outOfRange)),
    .init(target: .nan, realisation: 1, polarity: .positive, expected: .undefined(.outOfRange)),
    .init(
      target: 1, realisation: .infinity, polarity: .negative, expected: .undefined(.outOfRange)),
    .init(
      target: 1e-300, realisation: 1e300, polarity: .negative, formula: .ratio,
      expected: v(0, nil)),
  ]

  @Test(arguments: cases)
  func achievement(_ c: AchievementCase) throws {
    let rules = try #require(MeasurementRules(negativeFormula: c.formula, cap: c.cap))
    let got = Achievement(
      target: c.target, realisation: c.realisation, polarity: c.polarity, rules: rules)
    #expect(got == c.expected)
    if let percent = got.percent {
      #expect(percent.isFinite)
      #expect(percent.sign == .plus || percent < 0)
    }
  }

  @Test func fullPrecisionIsKept() {
    let got = Achievement(target: 3, realisation: 2, polarity: .positive, rules: .default)
    #expect(got.percent == 200.0 / 3.0)
    #expect(got.percent != 66.67)
    // multiplied before dividing: short decimals come out exactly
    let exact = Achievement(target: 100, realisation: 110, polarity: .positive, rules: .default)
    #expect(exact.percent == 110)
  }

  /// Realisations whose achievement is exactly a bound in decimal but one unit in the last
  /// digit below it in binary (`0.3913 / 0.43 × 100` is 90.99999999999999).
  @Test(
    "A bound reached in decimal is reached, whatever the binary rounding",
    arguments: [
      (0.1122, 0.22, AchievementCategory.low), (0.5406, 1.06, .low), (0.6996, 1.06, .medium),
      (0.6072, 0.92, .medium), (0.8056, 1.06, .high), (0.1672, 0.22, .high),
      (0.3913, 0.43, .veryHigh), (0.2002, 0.22, .veryHigh), (45.5, 50, .veryHigh),
    ])
  func boundaryInDecimal(realisation: Double, target: Double, expected: AchievementCategory) {
    let a = Achievement(
      target: target, realisation: realisation, polarity: .positive, rules: .default)
    #expect(a.percent.map(CategoryThresholds.default.category(for:)) == expected)
  }

  @Test func finiteNumberRefusesNaNAndInfinity() {
    #expect(FiniteNumber(.nan) == nil)
    #expect(FiniteNumber(.infinity) == nil)
    #expect(FiniteNumber(-.infinity) == nil)
    #expect(FiniteNumber(1.5)?.value == 1.5)
  }
}
