/// A target (or the budget ceiling) of one indicator as it is kept in an ``IndicatorList``: four
/// bytes rather than the 17 of a `Target?` (plus a text buffer for a grade).
///
/// A target as written in a definitions file is nearly always a short decimal (`33`, `7,5`,
/// `1.003.000.000`): such a number is held as a whole number times a power of ten. A grade
/// (`BB`, `WTP`) is held as its place among the list's shared texts. Any other number (`-0`,
/// many digits, not finite) is *wide*: its eight bytes follow in the list's text, and the target
/// holds which of the indicator's wide numbers it is.
///
/// The two high bits say which: `00` a decimal (4 bits of exponent + 8, 26 bits of whole number,
/// two's complement), `01` a grade, `10` a wide number, `11` none.
struct PackedTarget: Sendable, Equatable {
  let bits: UInt32

  private init(bits: UInt32) { self.bits = bits }

  /// No target.
  static let none = PackedTarget(bits: .max)

  /// The largest place among the shared texts a grade can refer to.
  static let maxGrade = UInt32(1 << 30) - 1

  private static let mantissaBits = 26
  private static let mantissaLimit = Double(1 << (mantissaBits - 1))
  private static let exponentBias = 8

  /// The grade at `place` among the shared texts; `nil` when it is too far to hold.
  static func grade(_ place: UInt32) -> PackedTarget? {
    place <= maxGrade ? PackedTarget(bits: 1 << 30 | place) : nil
  }

  /// The `index`th wide number of the indicator (0 ..< 8).
  static func wide(_ index: Int) -> PackedTarget {
    PackedTarget(bits: 2 << 30 | UInt32(index))
  }

  /// `number` as a whole number times a power of ten, when that gives back exactly its bits;
  /// `nil` when it must be wide.
  static func decimal(_ number: Double) -> PackedTarget? {
    guard number.isFinite else { return nil }
    // Whole numbers first (the most common), then decimals by their places, then large
    // multiples of a power of ten (a budget ceiling in rupiah).
    for exponent in [0, -1, -2, -3, -4, -5, -6, -7, -8, 1, 2, 3, 4, 5, 6, 7] {
      let scaled = exponent < 0 ? number * powerOfTen(-exponent) : number / powerOfTen(exponent)
      let whole = scaled.rounded()
      guard abs(whole) < mantissaLimit else { continue }
      let mantissa = Int32(whole)
      let packed = PackedTarget(
        bits: UInt32(exponent + exponentBias) << mantissaBits
          | UInt32(bitPattern: mantissa) & (1 << mantissaBits - 1))
      if packed.decimalValue.bitPattern == number.bitPattern { return packed }
    }
    return nil
  }

  var isNone: Bool { bits == .max }
  var isWide: Bool { bits >> 30 == 2 }
  var isGrade: Bool { bits >> 30 == 1 }
  /// Which of the indicator's wide numbers, for a wide target.
  var wideIndex: Int { Int(bits & 0xFF) }
  /// The place among the shared texts, for a grade.
  var gradePlace: Int { Int(bits & PackedTarget.maxGrade) }

  /// The number, for a decimal.
  var decimalValue: Double {
    let mantissa = Int32(bitPattern: bits << 6) >> 6
    let exponent = Int(bits >> UInt32(PackedTarget.mantissaBits) & 0xF) - PackedTarget.exponentBias
    return exponent < 0
      ? Double(mantissa) / PackedTarget.powerOfTen(-exponent)
      : Double(mantissa) * PackedTarget.powerOfTen(exponent)
  }

  /// 10^`exponent` for 0 ... 8, exactly.
  @inline(__always)
  private static func powerOfTen(_ exponent: Int) -> Double {
    switch exponent {
    case 0: 1
    case 1: 10
    case 2: 100
    case 3: 1_000
    case 4: 10_000
    case 5: 100_000
    case 6: 1_000_000
    case 7: 10_000_000
    default: 100_000_000
    }
  }
}

/// The words of an indicator (level, *IKU*, polarity, aggregation) and the count of its wide
/// numbers, in two bytes. Bit 15 marks an indicator kept whole (``IndicatorList``'s fallback).
struct IndicatorTraits: Sendable, Equatable {
  let bits: UInt16

  init(bits: UInt16) { self.bits = bits }

  init(
    level: CascadeLevel?, isKeyIndicator: Bool?, polarity: Polarity, aggregation: Aggregation,
    wideNumbers: Int
  ) {
    let levelCode: UInt16 =
      switch level {
      case nil: 0
      case .goal: 1
      case .objective: 2
      case .program: 3
      case .activity: 4
      case .subActivity: 5
      }
    let keyCode: UInt16 =
      switch isKeyIndicator {
      case nil: 0
      case false: 1
      case true: 2
      }
    let polarityCode: UInt16 = polarity == .positive ? 0 : 1
    let aggregationCode: UInt16 =
      switch aggregation {
      case .last: 0
      case .sum: 1
      case .mean: 2
      case .maximum: 3
      case .minimum: 4
      }
    bits = levelCode | keyCode << 3 | polarityCode << 5 | aggregationCode << 6 | UInt16(wideNumbers) << 9
  }

  /// An indicator kept whole rather than packed.
  static let keptWhole = IndicatorTraits(bits: 1 << 15)

  var isKeptWhole: Bool { bits & 1 << 15 != 0 }
  var wideNumbers: Int { Int(bits >> 9 & 0xF) }

  var level: CascadeLevel? {
    switch bits & 7 {
    case 1: .goal
    case 2: .objective
    case 3: .program
    case 4: .activity
    case 5: .subActivity
    default: nil
    }
  }

  var isKeyIndicator: Bool? {
    switch bits >> 3 & 3 {
    case 1: false
    case 2: true
    default: nil
    }
  }

  var polarity: Polarity { bits >> 5 & 1 == 0 ? .positive : .negative }

  var aggregation: Aggregation {
    switch bits >> 6 & 7 {
    case 1: .sum
    case 2: .mean
    case 3: .maximum
    case 4: .minimum
    default: .last
    }
  }
}
