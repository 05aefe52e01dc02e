/// The decimal mark a file uses. A `;`-delimited file (Excel on Indonesian settings) uses the
/// decimal comma and the dot for thousands (`1.250.000,50`); a `,`-delimited one the reverse.
public enum DecimalMark: String, Sendable, Hashable {
  case comma, point

  /// The mark that goes with a delimiter (SPEC §4). Tab files come from Excel on either
  /// setting; Indonesian settings are the common case, so they get the comma.
  public static func implied(byDelimiter delimiter: UInt8) -> DecimalMark {
    delimiter == UInt8(ascii: ",") ? .point : .comma
  }

  var character: Character { self == .comma ? "," : "." }
  var thousandsSeparator: Character { self == .comma ? "." : "," }
  var other: DecimalMark { self == .comma ? .point : .comma }
}

/// What one cell that should hold a number holds.
public enum NumberCell: Hashable, Sendable {
  /// Empty, `-`, `–` or `n/a`: not reported. Never zero.
  case notReported
  /// A number; `hadPercentSign` when it was written `85,5%`.
  case number(Double, hadPercentSign: Bool)
  case invalid(NumberProblem)
}

/// Why a cell is not a number the file's decimal mark can read.
public enum NumberProblem: Hashable, Sendable {
  /// Valid only with the other decimal mark (`1.5` in a decimal-comma file).
  case otherDecimalMark
  /// Fits neither reading (`12,34,5`).
  case ambiguous
  /// Text where a number belongs (`sekitar 80`, `NaN`).
  case notANumber
  /// Too large to be a number in a spreadsheet (`1e309`).
  case outOfRange
}

/// Reads numbers as SPEC §4 writes them: spaces around, a leading `Rp`, a trailing `%`,
/// thousands separators in groups of three, one decimal mark, an optional exponent (`1,5E+12`,
/// as Excel writes large numbers). Anything else is refused, never guessed.
public struct NumberParser: Sendable, Hashable {
  public var decimalMark: DecimalMark

  public init(decimalMark: DecimalMark) { self.decimalMark = decimalMark }

  /// The texts that mean "not reported".
  public static func isNotReported(_ text: String) -> Bool {
    switch text.trimmed.lowercased() {
    case "", "-", "–", "—", "n/a", "na", "n.a.", "#n/a": true
    default: false
    }
  }

  public func parse(_ text: String) -> NumberCell {
    if let value = Self.plainDecimal(text, mark: decimalMark) { return .number(value, hadPercentSign: false) }
    if Self.isNotReported(text) { return .notReported }
    switch Self.scan(text, mark: decimalMark) {
    case .success(let value):
      return .number(value.number, hadPercentSign: value.percent)
    case .failure(.malformed):
      if case .success = Self.scan(text, mark: decimalMark.other) {
        return .invalid(.otherDecimalMark)
      }
      return .invalid(Self.looksNumeric(text) ? .ambiguous : .notANumber)
    case .failure(.outOfRange):
      return .invalid(.outOfRange)
    }
  }

  private enum ScanFailure: Error { case malformed, outOfRange }

  /// The value of the commonest cells: digits, in groups of three after the first when a
  /// thousands separator is used, and at most one decimal mark followed by digits (`32`,
  /// `30,5`, `1.500.000`, `1.250.000,50`), read without building any text: up to 15
  /// significant digits are exact in a `Double`, and one division by an exact power of ten
  /// rounds correctly, so the result is the one the full scan gives. Anything else is `nil`
  /// and takes the full scan.
  static func plainDecimal(_ text: String, mark: DecimalMark) -> Double? {
    let markByte: UInt8 = mark == .comma ? 0x2C : 0x2E
    let separatorByte: UInt8 = mark == .comma ? 0x2E : 0x2C
    var mantissa: UInt64 = 0
    var digits = 0
    var fractionDigits = 0
    var seenMark = false
    var groupDigits = 0  // digits since the last thousands separator
    var seenSeparator = false
    for byte in text.utf8 {
      if byte >= 0x30 && byte <= 0x39 {
        digits += 1
        guard digits <= 15 else { return nil }
        mantissa = mantissa * 10 + UInt64(byte - 0x30)
        if seenMark { fractionDigits += 1 } else { groupDigits += 1 }
      } else if byte == separatorByte, !seenMark, groupDigits > 0, groupDigits <= 3,
        !seenSeparator || groupDigits == 3
      {
        seenSeparator = true
        groupDigits = 0
      } else if byte == markByte, !seenMark, digits > 0, !seenSeparator || groupDigits == 3 {
        seenMark = true
      } else {
        return nil
      }
    }
    guard digits > 0, !seenMark || fractionDigits > 0, !seenSeparator || seenMark || groupDigits == 3
    else { return nil }
    return Double(mantissa) / Self.powersOfTen[fractionDigits]
  }

  private static let powersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { r, _ in r * 10 } }

  private static func looksNumeric(_ text: String) -> Bool {
    text.allSatisfy { $0.isNumber || $0 == "." || $0 == "," || $0 == " " || $0 == "-" || $0 == "%" }
      && text.contains(where: \.isNumber)
  }

  private static func scan(_ text: String, mark: DecimalMark) -> Result<
    (number: Double, percent: Bool), ScanFailure
  > {
    var s = Substring(text).trimmingWhitespace()
    var negative = false
    var percent = false
    func takeSign() {
      if let c = s.first, c == "-" || c == "+" || c == "\u{2212}" {
        negative = negative != (c != "+")
        s = s.dropFirst().trimmingWhitespace()
      }
    }
    takeSign()
    if s.lowercased().hasPrefix("rp") {
      s = s.dropFirst(2)
      if s.first == "." { s = s.dropFirst() }
      s = s.trimmingWhitespace()
      takeSign()
    }
    if s.last == "%" {
      percent = true
      s = s.dropLast().trimmingWhitespace()
    }
    // Mantissa and optional exponent.
    var exponent = ""
    if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      var exp = s[s.index(after: e)...]
      var expSign = ""
      if let c = exp.first, c == "+" || c == "-" {
        expSign = c == "-" ? "-" : ""
        exp = exp.dropFirst()
      }
      guard !exp.isEmpty, exp.allSatisfy(\.isASCIIDigit) else { return .failure(.malformed) }
      exponent = "e" + expSign + exp
      s = s[..<e]
    }
    let parts = s.split(separator: mark.character, omittingEmptySubsequences: false)
    guard parts.count <= 2 else { return .failure(.malformed) }
    let integer = parts[0]
    let fraction = parts.count == 2 ? parts[1] : nil
    if let fraction {
      guard !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit) else {
        return .failure(.malformed)
      }
    }
    var digits = ""
    if integer.contains(mark.thousandsSeparator) {
      let groups = integer.split(separator: mark.thousandsSeparator, omittingEmptySubsequences: false)
      guard let head = groups.first, (1...3).contains(head.count),
        groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
        groups.dropFirst().allSatisfy({ $0.count == 3 })
      else { return .failure(.malformed) }
      digits = groups.joined()
    } else {
      guard integer.allSatisfy(\.isASCIIDigit) else { return .failure(.malformed) }
      guard !integer.isEmpty || fraction != nil else { return .failure(.malformed) }
      digits = integer.isEmpty ? "0" : String(integer)
    }
    let literal = digits + (fraction.map { "." + $0 } ?? "") + exponent
    guard let magnitude = Double(literal) else { return .failure(.malformed) }
    guard magnitude.isFinite, magnitude <= 1e300 else { return .failure(.outOfRange) }
    let value = negative && magnitude != 0 ? -magnitude : magnitude
    return .success((value, percent))
  }
}

extension Character {
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
