import SakipCore
import Testing

@Suite("Category thresholds (SPEC §5.4)")
struct CategoryThresholdsTests {
  @Test(
    "Default scale, judged before rounding, bounds belong to the higher category",
    arguments: [
      (1_000.0, AchievementCategory.veryHigh), (100, .veryHigh), (91, .veryHigh),
      (90.999, .high), (90.9999999, .high), (76, .high), (75.999, .medium),
      (66, .medium), (65.999, .low), (51, .low), (50.999, .veryLow), (0, .veryLow),
      (-20, .veryLow),
    ])
  func defaultScale(achievement: Double, expected: AchievementCategory) {
    #expect(CategoryThresholds.default.category(for: achievement) == expected)
  }

  @Test("Binary error only: 1e-14 below a bound reaches it, 1e-7 below does not")
  func tolerance() {
    #expect(CategoryThresholds.default.category(for: 90.99999999999999) == .veryHigh)
    #expect(CategoryThresholds.default.category(for: 91 - 1e-7) == .high)
    #expect(CategoryThresholds.default.category(for: 51 - 1e-7) == .veryLow)
    let zeroBound = CategoryThresholds(veryHigh: 100, high: 50, medium: 0, low: -10)
    #expect(zeroBound?.category(for: -1e-15) == .medium)
    #expect(zeroBound?.category(for: -1e-9) == .low)
  }

  @Test(
    "Custom thresholds move every bound",
    arguments: [
      (95.0, AchievementCategory.veryHigh), (94.9, .high), (80, .high), (79.9, .medium),
      (70, .medium), (69.9, .low), (60, .low), (59.9, .veryLow),
    ])
  func customScale(achievement: Double, expected: AchievementCategory) throws {
    let thresholds = try #require(CategoryThresholds(parsing: "95,80,70,60"))
    #expect(thresholds.category(for: achievement) == expected)
  }

  @Test(
    "Parsing --categories",
    arguments: [
      ("91,76,66,51", [91.0, 76, 66, 51]), (" 90.5 , 75, 65 ,50 ", [90.5, 75, 65, 50]),
      ("100,50,0,-10", [100, 50, 0, -10]),
    ])
  func parses(text: String, expected: [Double]) throws {
    let t = try #require(CategoryThresholds(parsing: text))
    #expect([t.veryHigh, t.high, t.medium, t.low] == expected)
  }

  @Test(
    "Refused: not four numbers, not strictly decreasing, not plain decimals",
    arguments: [
      "", "91,76,66", "91,76,66,51,40", "91,76,76,51", "51,66,76,91", "91;76;66;51",
      "91,76,,51", "91,76,66,abc", "nan,76,66,51", "inf,76,66,51", "1e2,76,66,51",
      "0x5B,76,66,51", "91.,76,66,51", "91,76,66,51,",
    ])
  func refuses(text: String) {
    #expect(CategoryThresholds(parsing: text) == nil)
  }

  @Test func refusesNonFiniteBounds() {
    #expect(CategoryThresholds(veryHigh: .infinity, high: 76, medium: 66, low: 51) == nil)
    #expect(CategoryThresholds(veryHigh: 91, high: .nan, medium: 66, low: 51) == nil)
    #expect(CategoryThresholds(veryHigh: 91, high: 76, medium: 66, low: 51) == .default)
  }

  @Test func labelsAreIndonesian() {
    #expect(
      AchievementCategory.allCases.map(\.rawValue) == [
        "Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah",
      ])
  }

  @Test(
    "A cap must be a finite number above zero",
    arguments: [
      (Double?.none, true), (120, true), (0.5, true), (0, false), (-10, false),
      (.infinity, false), (.nan, false),
    ])
  func cap(cap: Double?, accepted: Bool) {
    let rules = MeasurementRules(negativeFormula: .ratio, cap: cap)
    #expect((rules != nil) == accepted)
    if let rules { #expect(rules.cap == cap && rules.negativeFormula == .ratio) }
  }
}
