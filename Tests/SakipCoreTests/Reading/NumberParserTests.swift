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

/// The shortcut for plain digits must give exactly what the full grammar gives.
struct PlainDecimalTests {
  @Test(arguments: [
    ("0", 0.0), ("32", 32), ("30,5", 30.5), ("007", 7), ("0,1", 0.1), ("123456789012345", 123_456_789_012_345),
    ("1234567,12345678", 1_234_567.12345678), ("0,00000000000001", 1e-14), ("99,99", 99.99),
    ("1.500", 1500), ("1.500.000", 1_500_000), ("12.345.678,5", 12_345_678.5), ("999.999.999.999,999", 999_999_999_999.999),
  ])
  func readsPlainDecimalsExactly(text: String, value: Double) {
    #expect(NumberParser.plainDecimal(text, mark: .comma) == value)
    let pointText = String(text.map { $0 == "," ? "." : $0 == "." ? "," : $0 })
    #expect(NumberParser.plainDecimal(pointText, mark: .point) == value)
  }

  @Test(arguments: [
    "", "5,", ",5", "1,5,0", "-2", "+2", " 42", "42 ", "85%", "1e3", "Rp5", "1234567890123456", "٣",
    "1.50", "1.5000", "1234.567", ".500", "1..500", "1.500.", "1.500.00", "1.50,5", "1.500,", "12,34,5",
  ])
  func leavesEverythingElseToTheFullGrammar(text: String) {
    #expect(NumberParser.plainDecimal(text, mark: .comma) == nil)
  }

  @Test func agreesWithTheStandardLibraryOnRandomDigits() {
    var generator = SplitMix64(seed: 20261125)
    for _ in 0..<20_000 {
      let intDigits = Int(generator.next() % 9) + 1
      let fractionDigits = Int(generator.next() % UInt64(16 - intDigits))
      let integer = String((0..<intDigits).map { _ in Character(String(generator.next() % 10)) })
      let fraction = String((0..<fractionDigits).map { _ in Character(String(generator.next() % 10)) })
      let text = fraction.isEmpty ? integer : integer + "," + fraction
      let expected = Double(fraction.isEmpty ? integer : integer + "." + fraction)
      #expect(NumberParser.plainDecimal(text, mark: .comma) == expected, "\(text)")
      #expect(NumberParser(decimalMark: .comma).parse(text) == .number(expected ?? .nan, hadPercentSign: false))
      // The same number with thousands separators, as Excel writes it.
      var grouped = ""
      for (i, digit) in integer.enumerated() {
        if i > 0, (integer.count - i) % 3 == 0 { grouped += "." }
        grouped.append(digit)
      }
      let groupedText = fraction.isEmpty ? grouped : grouped + "," + fraction
      #expect(NumberParser.plainDecimal(groupedText, mark: .comma) == expected, "\(groupedText)")
      #expect(NumberParser(decimalMark: .comma).parse(groupedText) == .number(expected ?? .nan, hadPercentSign: false))
    }
  }
}

/// A small deterministic generator, so a failing case can be replayed.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
