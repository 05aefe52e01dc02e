import SakipCore
import Testing

struct BudgetCase: Sendable, CustomTestStringConvertible {
  var name: String
  var ceiling: Double
  var reported: [Quarter: Double]
  var through: Quarter
  var achievement: Double? = nil
  var byQuarter: [Quarter: Double]
  var missing: [Quarter] = []
  var toDate: Double?
  var absorption: Double?
  var remaining: Double?
  var efficiency: Double? = nil
  var overCeiling = false
  var testDescription: String { name }
}

@Suite("Budget (SPEC §5.6)")
struct BudgetFiguresTests {
  static let cases: [BudgetCase] = [
    .init(
      name: "summed to date", ceiling: 450_000_000,
      reported: [.first: 80_000_000, .second: 95_500_000],
      through: .second, achievement: 50, byQuarter: [.first: 80_000_000, .second: 95_500_000],
      toDate: 175_500_000, absorption: 39, remaining: 274_500_000, efficiency: 11),
    .init(
      name: "a missing quarter: no to-date figures", ceiling: 100,
      reported: [.first: 30, .third: 20],
      through: .third, achievement: 90, byQuarter: [.first: 30, .third: 20], missing: [.second],
      toDate: nil, absorption: nil, remaining: nil),
    .init(
      name: "over the ceiling", ceiling: 100, reported: [.first: 60, .second: 50], through: .second,
      byQuarter: [.first: 60, .second: 50], toDate: 110, absorption: 110, remaining: -10,
      overCeiling: true),
    .init(
      name: "over the ceiling while a quarter is missing", ceiling: 100,
      reported: [.first: 60, .third: 50], through: .third, byQuarter: [.first: 60, .third: 50],
      missing: [.second], toDate: nil, absorption: nil, remaining: nil, overCeiling: true),
    .init(
      name: "exactly the ceiling is not over", ceiling: 100, reported: [.first: 100],
      through: .first, byQuarter: [.first: 100], toDate: 100, absorption: 100, remaining: 0),
    .init(
      name: "zero ceiling: no absorption", ceiling: 0, reported: [.first: 0], through: .first,
      achievement: 80, byQuarter: [.first: 0], toDate: 0, absorption: nil, remaining: 0),
    .init(
      name: "zero ceiling with spending is over", ceiling: 0, reported: [.first: 5],
      through: .first,
      byQuarter: [.first: 5], toDate: 5, absorption: nil, remaining: -5, overCeiling: true),
    .init(
      name: "a written 0 is zero", ceiling: 100, reported: [.first: 0, .second: 0],
      through: .second, achievement: 0, byQuarter: [.first: 0, .second: 0], toDate: 0,
      absorption: 0, remaining: 100, efficiency: 0),
    .init(
      name: "quarters after the period are ignored", ceiling: 100,
      reported: [.first: 10, .fourth: 500], through: .first, byQuarter: [.first: 10], toDate: 10,
      absorption: 10, remaining: 90),
    .init(
      name: "overflow: out of range, over", ceiling: 100,
      reported: [.first: .greatestFiniteMagnitude, .second: .greatestFiniteMagnitude],
      through: .second,
      byQuarter: [.first: .greatestFiniteMagnitude, .second: .greatestFiniteMagnitude],
      toDate: nil, absorption: nil, remaining: nil, overCeiling: true),
  ]

  @Test(arguments: cases)
  func figures(_ c: BudgetCase) throws {
    let b = try #require(
      BudgetFigures(
        ceiling: c.ceiling, realisations: c.reported, through: c.through,
        achievementToDate: c.achievement))
    #expect(b.ceiling == c.ceiling)
    #expect(b.byQuarter == QuarterAmounts(c.byQuarter))
    #expect(b.missing == c.missing)
    #expect(b.toDate == c.toDate)
    #expect(b.absorption == c.absorption)
    #expect(b.remaining == c.remaining)
    #expect(b.efficiency == c.efficiency)
    #expect(b.overCeiling == c.overCeiling)
    for x in [b.toDate, b.absorption, b.remaining, b.efficiency].compactMap({ $0 }) {
      #expect(x.isFinite)
    }
  }

  @Test func overflowReason() throws {
    let b = try #require(
      BudgetFigures(
        ceiling: 1,
        realisations: [.first: .greatestFiniteMagnitude, .second: .greatestFiniteMagnitude],
        through: .second, achievementToDate: nil))
    #expect(b.reason == .outOfRange)
  }

  @Test func nonFiniteInputs() throws {
    #expect(
      BudgetFigures(ceiling: .nan, realisations: [:], through: .first, achievementToDate: nil)
        == nil)
    let b = try #require(
      BudgetFigures(
        ceiling: 100, realisations: [.first: .nan], through: .first, achievementToDate: 50))
    #expect(b.byQuarter.isEmpty && b.toDate == nil && b.reason == .outOfRange)
    #expect(!b.overCeiling && b.efficiency == nil)
  }
}
