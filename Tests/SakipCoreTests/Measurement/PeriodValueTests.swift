import SakipCore
import Testing

private func definition(
  _ aggregation: Aggregation, annual: Double = 12, quarterly: [Quarter: Target] = [:],
  polarity: Polarity = .positive
) -> IndicatorDefinition {
  IndicatorDefinition(
    code: IndicatorCode("P1.1"), wording: "Aplikasi yang dibangun", unit: "aplikasi",
    section: "Bidang Aplikasi Informatika", annualTarget: .number(annual),
    quarterTargets: quarterly, polarity: polarity, aggregation: aggregation)
}

private let allReported: [Quarter: ReportedValue] = [
  .first: .number(2), .second: .number(5), .third: .number(1), .fourth: .number(4),
]

struct PeriodCase: Sendable, CustomTestStringConvertible {
  var aggregation: Aggregation
  var period: MeasurementPeriod
  var expected: PeriodValue
  var testDescription: String { "\(aggregation.rawValue) \(period.key)" }
}

private func n(_ x: Double) -> PeriodValue {
  FiniteNumber(x).map { .number($0) } ?? .unavailable(.outOfRange)
}

@Suite("Realisation and target over a period (SPEC §5.1, §5.2)")
struct PeriodValueTests {
  static let realisationCases: [PeriodCase] = [
    .init(aggregation: .last, period: .quarter(.third), expected: n(1)),
    .init(aggregation: .last, period: .semester(.first), expected: n(5)),
    .init(aggregation: .last, period: .semester(.second), expected: n(4)),
    .init(aggregation: .last, period: .yearToDate(through: .third), expected: n(1)),
    .init(aggregation: .sum, period: .quarter(.second), expected: n(5)),
    .init(aggregation: .sum, period: .semester(.first), expected: n(7)),
    .init(aggregation: .sum, period: .semester(.second), expected: n(5)),
    .init(aggregation: .sum, period: .yearToDate(through: .third), expected: n(8)),
    .init(aggregation: .sum, period: .yearToDate(through: .fourth), expected: n(12)),
    .init(aggregation: .mean, period: .semester(.first), expected: n(3.5)),
    .init(aggregation: .mean, period: .yearToDate(through: .fourth), expected: n(3)),
    .init(aggregation: .mean, period: .yearToDate(through: .third), expected: n(8.0 / 3.0)),
    .init(aggregation: .maximum, period: .yearToDate(through: .fourth), expected: n(5)),
    .init(aggregation: .maximum, period: .semester(.second), expected: n(4)),
    .init(aggregation: .minimum, period: .yearToDate(through: .fourth), expected: n(1)),
    .init(aggregation: .minimum, period: .semester(.first), expected: n(2)),
  ]

  @Test(arguments: realisationCases)
  func realisationByAggregation(_ c: PeriodCase) {
    let got = PeriodValue.realisation(
      of: definition(c.aggregation), reported: allReported, over: c.period)
    #expect(got == c.expected)
  }

  static let partial: [Quarter: ReportedValue] = [
    .first: .number(2), .second: .notReported, .third: .number(0),
  ]

  @Test(
    "Never from part of the data: every missing quarter is named",
    arguments: [
      (
        Aggregation.sum, MeasurementPeriod.semester(.first),
        PeriodValue.unavailable(.notReported([.second]))
      ),
      (.sum, .yearToDate(through: .fourth), .unavailable(.notReported([.second, .fourth]))),
      (.mean, .yearToDate(through: .third), .unavailable(.notReported([.second]))),
      (.maximum, .semester(.second), .unavailable(.notReported([.fourth]))),
      (.minimum, .yearToDate(through: .third), .unavailable(.notReported([.second]))),
      (.sum, .quarter(.third), n(0)),  // a written 0 is zero
      (.sum, .quarter(.first), n(2)),
      // akhir needs only the period's last quarter
      (.last, .semester(.first), .unavailable(.notReported([.second]))),
      (.last, .yearToDate(through: .third), n(0)),
      (.last, .yearToDate(through: .fourth), .unavailable(.notReported([.fourth]))),
    ])
  func missingQuarters(aggregation: Aggregation, period: MeasurementPeriod, expected: PeriodValue) {
    #expect(
      PeriodValue.realisation(of: definition(aggregation), reported: Self.partial, over: period)
        == expected)
  }

  @Test func textWhereANumberIsExpected() {
    let got = PeriodValue.realisation(
      of: definition(.sum), reported: [.first: .text("dua"), .second: .number(1)],
      over: .semester(.first))
    #expect(got == .unavailable(.realisationNotANumber([.first])))
  }

  @Test func overflowingSumIsOutOfRange() {
    let big: [Quarter: ReportedValue] = [
      .first: .number(.greatestFiniteMagnitude), .second: .number(.greatestFiniteMagnitude),
    ]
    #expect(
      PeriodValue.realisation(of: definition(.sum), reported: big, over: .semester(.first))
        == .unavailable(.outOfRange))
    // the mean of two huge values is still finite
    #expect(
      PeriodValue.realisation(of: definition(.mean), reported: big, over: .semester(.first))
        == n(.greatestFiniteMagnitude))
    #expect(
      PeriodValue.realisation(
        of: definition(.last), reported: [.first: .number(.nan)], over: .quarter(.first))
        == .unavailable(.outOfRange))
  }

  static let quarterly: [Quarter: Target] = [
    .first: .number(1), .second: .number(2), .third: .number(4), .fourth: .number(5),
  ]

  @Test(
    "Target with quarterly targets",
    arguments: [
      (Aggregation.sum, MeasurementPeriod.quarter(.third), n(4)),
      (.sum, .semester(.first), n(3)), (.sum, .semester(.second), n(9)),
      (.sum, .yearToDate(through: .third), n(7)), (.sum, .yearToDate(through: .fourth), n(12)),
      (.last, .semester(.first), n(2)), (.last, .yearToDate(through: .third), n(4)),
      (.mean, .semester(.second), n(4.5)), (.mean, .yearToDate(through: .fourth), n(3)),
      (.maximum, .yearToDate(through: .third), n(4)), (.minimum, .semester(.second), n(4)),
    ])
  func quarterlyTargets(aggregation: Aggregation, period: MeasurementPeriod, expected: PeriodValue)
  {
    let d = definition(aggregation, quarterly: Self.quarterly)
    #expect(PeriodValue.target(of: d, over: period) == expected)
  }

  @Test(
    "Target without quarterly targets: annual for every period, except jumlah (whole year only)",
    arguments: [
      (Aggregation.last, MeasurementPeriod.quarter(.first), n(12)),
      (.last, .semester(.first), n(12)), (.mean, .quarter(.second), n(12)),
      (.maximum, .yearToDate(through: .second), n(12)), (.minimum, .semester(.second), n(12)),
      (.sum, .yearToDate(through: .fourth), n(12)),
      (.sum, .quarter(.first), .unavailable(.noTargetForPeriod)),
      (.sum, .quarter(.fourth), .unavailable(.noTargetForPeriod)),
      (.sum, .semester(.first), .unavailable(.noTargetForPeriod)),
      (.sum, .semester(.second), .unavailable(.noTargetForPeriod)),
      (.sum, .yearToDate(through: .third), .unavailable(.noTargetForPeriod)),
    ])
  func annualTargetOnly(aggregation: Aggregation, period: MeasurementPeriod, expected: PeriodValue)
  {
    #expect(PeriodValue.target(of: definition(aggregation), over: period) == expected)
  }

  @Test(
    "A quarterly target missing for a quarter the period needs",
    arguments: [
      (
        Aggregation.sum, MeasurementPeriod.semester(.first),
        PeriodValue.unavailable(.quarterTargetMissing([.second]))
      ),
      (
        .sum, .yearToDate(through: .fourth), .unavailable(.quarterTargetMissing([.second, .third]))
      ),
      (.mean, .quarter(.third), .unavailable(.quarterTargetMissing([.third]))),
      (.last, .semester(.first), .unavailable(.quarterTargetMissing([.second]))),
      (.last, .semester(.second), n(5)), (.sum, .quarter(.first), n(1)),
    ])
  func quarterlyTargetMissing(
    aggregation: Aggregation, period: MeasurementPeriod, expected: PeriodValue
  ) {
    let d = definition(aggregation, quarterly: [.first: .number(1), .fourth: .number(5)])
    #expect(PeriodValue.target(of: d, over: period) == expected)
  }

  @Test func gradeAsQuarterlyTargetOfANumericIndicator() {
    let d = definition(.sum, quarterly: [.first: .grade("x"), .second: .number(1)])
    #expect(
      PeriodValue.target(of: d, over: .semester(.first))
        == .unavailable(.targetNotANumber([.first])))
  }
}
