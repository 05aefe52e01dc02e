import Testing

@testable import SakipCore

struct NumberParserTests {
  static let comma: [(String, Double, Bool)] = [
    ("3,5", 3.5, false), ("1.250.000,50", 1_250_000.5, false), ("1.250.000", 1_250_000, false),
    (" 42 ", 42, false), ("Rp 1.500.000", 1_500_000, false), ("Rp. 1.500.000,00", 1_500_000, false),
    ("rp1.000", 1000, false), ("85,5%", 85.5, true), ("85,5 %", 85.5, true), ("-2,5", -2.5, false),
    ("0", 0, false), ("-0", 0, false), ("1,5E+12", 1.5e12, false), (",5", 0.5, false),
    ("1.500", 1500, false), ("007", 7, false),
  ]

  @Test(arguments: comma)
  func readsDecimalCommaNumbers(text: String, value: Double, percent: Bool) {
    #expect(NumberParser(decimalMark: .comma).parse(text) == .number(value, hadPercentSign: percent))
  }

  static let point: [(String, Double)] = [
    ("3.5", 3.5), ("1,250,000.50", 1_250_000.5), ("Rp 1,500,000", 1_500_000), ("85.5%", 85.5),
    ("1.5E+12", 1.5e12), ("1,500", 1500), ("1.500", 1.5),
  ]

  @Test(arguments: point)
  func readsDecimalPointNumbers(text: String, value: Double) {
    guard case .number(let n, _) = NumberParser(decimalMark: .point).parse(text) else {
      Issue.record("\(text) not read")
      return
    }
    #expect(n == value)
  }

  @Test(arguments: ["", "  ", "-", "–", "—", "n/a", "N/A", "#N/A"])
  func emptyMarkersAreNotReportedNeverZero(text: String) {
    #expect(NumberParser(decimalMark: .comma).parse(text) == .notReported)
    #expect(NumberParser(decimalMark: .point).parse(text) == .notReported)
  }

  static let refused: [(String, DecimalMark, NumberProblem)] = [
    ("1.5", .comma, .otherDecimalMark), ("1,5", .point, .otherDecimalMark),
    ("12,34,5", .comma, .ambiguous), ("12,34,5", .point, .ambiguous),
    ("1.25.000", .comma, .ambiguous), ("sekitar 80", .comma, .notANumber),
    ("NaN", .comma, .notANumber), ("inf", .point, .notANumber), ("Infinity", .point, .notANumber),
    ("1e309", .point, .outOfRange), ("1,0E+400", .comma, .outOfRange), ("3 dokumen", .comma, .notANumber),
    ("1 250 000", .comma, .ambiguous), ("5,", .comma, .ambiguous),
  ]

  @Test(arguments: refused)
  func refusesWhatFitsNeitherReading(text: String, mark: DecimalMark, problem: NumberProblem) {
    #expect(NumberParser(decimalMark: mark).parse(text) == .invalid(problem))
  }

  @Test func negativeZeroIsPlainZero() {
    guard case .number(let n, _) = NumberParser(decimalMark: .comma).parse("-0") else {
      Issue.record("not read")
      return
    }
    #expect(n.sign == .plus)
  }

  @Test func markFollowsDelimiter() {
    #expect(DecimalMark.implied(byDelimiter: UInt8(ascii: ";")) == .comma)
    #expect(DecimalMark.implied(byDelimiter: UInt8(ascii: ",")) == .point)
    #expect(DecimalMark.implied(byDelimiter: 9) == .comma)
  }
}
