/// The targets of one indicator (and its budget ceiling) as they are kept in an
/// ``IndicatorList``: a few bytes each, one after the other, rather than the 17 of a `Target?`
/// (plus a text buffer for a grade).
///
/// A target as written in a definitions file is nearly always a short decimal (`33`, `7,5`,
/// `1.003.000.000`): it is kept as a whole number times a power of ten, and a whole number up
/// to 127 in one byte. A grade (`BB`, `WTP`) is kept as its place among the list's shared texts.
/// Any other number (`-0`, more digits than a decimal gives back exactly, not finite) keeps its
/// eight bytes.
///
/// Each target starts with a byte that says how it is kept:
/// - `0x00 ... 0x7F`: that whole number;
/// - `0x80 ... 0x9F`: a decimal, the power of ten being the byte less `0x90` (−16 ... 15),
///   followed by the whole number, zigzag LEB128;
/// - `0xA0`: a grade, followed by its place, LEB128;
/// - `0xA1`: a number, followed by its bits, little-endian.
enum PackedTarget {
  private static let decimalBase: UInt8 = 0x90
  private static let gradeMark: UInt8 = 0xA0
  private static let bitsMark: UInt8 = 0xA1

  /// The most bytes a target can take.
  static let maxLength = 10

  /// Appends `target` to `bytes`; `gradePlace` gives the place of a grade among the shared
  /// texts.
  static func append(_ target: Target, to bytes: inout [UInt8], gradePlace: UInt32) {
    switch target {
    case .grade:
      bytes.append(gradeMark)
      appendLEB128(UInt64(gradePlace), to: &bytes)
    case .number(let number):
      if number >= 0, number <= 0x7F, let small = UInt8(exactly: number),
        Double(small).bitPattern == number.bitPattern
      {
        bytes.append(small)
      } else if let (whole, exponent) = decimal(number) {
        bytes.append(UInt8(Int(decimalBase) + exponent))
        appendLEB128(UInt64(bitPattern: whole << 1 ^ whole >> 63), to: &bytes)
      } else {
        bytes.append(bitsMark)
        withUnsafeBytes(of: number.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
      }
    }
  }

  /// The target that starts at `offset`, and moves `offset` past it; a grade's text is
  /// `shared[place]`.
  @inline(__always)
  static func read(_ bytes: UnsafeBufferPointer<UInt8>, at offset: inout Int, shared: [String]) -> Target {
    let first = bytes[offset]
    offset += 1
    if first < 0x80 { return .number(Double(first)) }
    if first == gradeMark { return .grade(shared[Int(readLEB128(bytes, at: &offset))]) }
    if first == bitsMark {
      let bits = UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      offset += 8
      return .number(Double(bitPattern: UInt64(littleEndian: bits)))
    }
    let zigzag = readLEB128(bytes, at: &offset)
    let whole = Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
    return .number(value(whole, Int(first) - Int(decimalBase)))
  }

  /// `number` as a whole number times a power of ten that gives back exactly its bits, with
  /// as few digits as can be; `nil` when there is none.
  static func decimal(_ number: Double) -> (whole: Int64, exponent: Int)? {
    guard number.isFinite else { return nil }
    let limit = 9_007_199_254_740_992.0  // 2^53: every whole number below is a Double
    if number.rounded() == number, abs(number) < limit {
      var whole = Int64(number)
      guard value(whole, 0).bitPattern == number.bitPattern else { return nil }  // -0
      // Trailing zeros go to the power of ten (a budget in rupiah).
      var exponent = 0
      while whole != 0, whole % 10 == 0, exponent < 15,
        value(whole / 10, exponent + 1).bitPattern == number.bitPattern
      {
        whole /= 10
        exponent += 1
      }
      return (whole, exponent)
    }
    for places in 1...16 {
      let scaled = (number * powerOfTen(places)).rounded()
      guard abs(scaled) < limit else { return nil }
      let whole = Int64(scaled)
      if value(whole, -places).bitPattern == number.bitPattern { return (whole, -places) }
    }
    return nil
  }

  /// `whole` × 10^`exponent`, rounded once: both are exact, so this is the Double nearest the
  /// decimal they write.
  @inline(__always)
  private static func value(_ whole: Int64, _ exponent: Int) -> Double {
    exponent < 0 ? Double(whole) / powerOfTen(-exponent) : Double(whole) * powerOfTen(exponent)
  }

  /// 10^`exponent` for 0 ... 16, exactly.
  @inline(__always)
  private static func powerOfTen(_ exponent: Int) -> Double {
    switch exponent {
    case 0: 1
    case 1: 10
    case 2: 100
    case 3: 1e3
    case 4: 1e4
    case 5: 1e5
    case 6: 1e6
    case 7: 1e7
    case 8: 1e8
    case 9: 1e9
    case 10: 1e10
    case 11: 1e11
    case 12: 1e12
    case 13: 1e13
    case 14: 1e14
    case 15: 1e15
    default: 1e16
    }
  }

  private static func appendLEB128(_ value: UInt64, to bytes: inout [UInt8]) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  @inline(__always)
  private static func readLEB128(_ bytes: UnsafeBufferPointer<UInt8>, at offset: inout Int) -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let byte = bytes[offset]
      offset += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return value }
      shift += 7
    }
  }
}

/// The words of an indicator (level, *IKU*, polarity, aggregation) in two bytes. Bit 15 marks
/// an indicator kept whole (``IndicatorList``'s fallback).
struct IndicatorTraits: Sendable, Equatable {
  let bits: UInt16

  init(bits: UInt16) { self.bits = bits }

  init(level: CascadeLevel?, isKeyIndicator: Bool?, polarity: Polarity, aggregation: Aggregation) {
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
    bits = levelCode | keyCode << 3 | polarityCode << 5 | aggregationCode << 6
  }

  /// An indicator kept whole rather than packed.
  static let keptWhole = IndicatorTraits(bits: 1 << 15)

  var isKeptWhole: Bool { bits & 1 << 15 != 0 }

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
