/// A quarter of the budget year (*triwulan*, TW I … TW IV).
public enum Quarter: Int, CaseIterable, Sendable, Comparable, Hashable, Codable {
  case first = 1, second, third, fourth

  public static func < (lhs: Quarter, rhs: Quarter) -> Bool { lhs.rawValue < rhs.rawValue }

  /// `I`, `II`, `III`, `IV`.
  public var romanNumeral: String { ["I", "II", "III", "IV"][rawValue - 1] }

  /// The key used in JSON and on the command line: `TW1` … `TW4`.
  public var key: String { "TW\(rawValue)" }

  /// The label people write: `TW I` … `TW IV`.
  public var label: String { "TW \(romanNumeral)" }

  /// This quarter and every quarter before it (*s.d. TW n*).
  public var throughThis: [Quarter] { Quarter.allCases.filter { $0 <= self } }

  /// The semester this quarter belongs to.
  public var semester: Semester { rawValue <= 2 ? .first : .second }

  /// Creates a quarter from a roman or arabic numeral: `I`, `ii`, `3`.
  public init?(numeral: String) {
    switch numeral.uppercased() {
    case "I", "1": self = .first
    case "II", "2": self = .second
    case "III", "3": self = .third
    case "IV", "4": self = .fourth
    default: return nil
    }
  }

  /// Reads a period as people write it: `TW2`, `TW II`, `tw-2`, `Triwulan II`, `Q2`, `2`.
  public init?(periodText text: String) {
    var rest = Substring(text.lowercased()).trimmingWhitespace()
    for prefix in ["triwulan", "quarter", "tw", "q"] where rest.hasPrefix(prefix) {
      rest = rest.dropFirst(prefix.count)
      break
    }
    rest = rest.drop { $0 == " " || $0 == "-" || $0 == "_" || $0 == "." }
    // The numeral ends at the first space: "II Tahun 2025", "2 (April–Juni)".
    let numeral = rest.prefix { $0 != " " && $0 != "(" && $0 != "/" && $0 != "," }
    guard let q = Quarter(numeral: String(numeral)) else { return nil }
    self = q
  }
}

/// Half of the budget year: S1 = TW I–II, S2 = TW III–IV.
public enum Semester: Int, CaseIterable, Sendable, Hashable, Codable {
  case first = 1, second

  public var quarters: [Quarter] { self == .first ? [.first, .second] : [.third, .fourth] }
  public var key: String { "S\(rawValue)" }
}

/// A span of quarters that realisation and target are measured over.
public enum MeasurementPeriod: Hashable, Sendable {
  case quarter(Quarter)
  case semester(Semester)
  /// All quarters up to and including the reporting quarter (*s.d. TW n*).
  case yearToDate(through: Quarter)

  public var quarters: [Quarter] {
    switch self {
    case .quarter(let q): [q]
    case .semester(let s): s.quarters
    case .yearToDate(let q): q.throughThis
    }
  }

  /// `TW1` … `TW4`, `S1`, `S2`, `YTD`: the keys of SPEC §8.1.
  public var key: String {
    switch self {
    case .quarter(let q): q.key
    case .semester(let s): s.key
    case .yearToDate: "YTD"
    }
  }

  /// The periods reported at a reporting quarter, in order: each quarter so far, S1 once TW II is
  /// in, S2 at TW IV, then YTD.
  public static func reported(through period: Quarter) -> [MeasurementPeriod] {
    var periods = period.throughThis.map { MeasurementPeriod.quarter($0) }
    if period >= .second { periods.append(.semester(.first)) }
    if period == .fourth { periods.append(.semester(.second)) }
    periods.append(.yearToDate(through: period))
    return periods
  }
}

extension Substring {
  func trimmingWhitespace() -> Substring {
    // Most cells start and end with a printable ASCII character: nothing to trim, and no
    // grapheme breaking needed to know it.
    if let first = utf8.first, let last = utf8.last, Self.isPrintableASCII(first), Self.isPrintableASCII(last) {
      return self
    }
    guard let first = firstIndex(where: { !$0.isWhitespace }),
      let last = lastIndex(where: { !$0.isWhitespace })
    else { return self[endIndex...] }
    return self[first...last]
  }

  private static func isPrintableASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
}

extension StringProtocol {
  /// The text without leading and trailing white space (including non-breaking spaces).
  public var trimmed: String {
    String(Substring(self).trimmingWhitespace())
  }
}

extension String {
  /// The text without leading and trailing white space; the same string, uncopied, when there
  /// is none.
  public var trimmed: String {
    let trimmed = Substring(self).trimmingWhitespace()
    return trimmed.startIndex == startIndex && trimmed.endIndex == endIndex ? self : String(trimmed)
  }
}
