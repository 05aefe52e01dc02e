/// A figure of the measurement engine that may be absent, kept in the 8 bytes of a `Double`.
///
/// A `Double?` takes 9 bytes, so 16 beside other numbers; a recap keeps a dozen figures for each
/// of a province's hundred thousand indicators. The engine's figures are always finite, so NaN
/// is free to stand for "none".
struct CompactNumber: Hashable, Sendable {
  private let bits: Double

  init(_ value: Double?) {
    assert(value.map(\.isFinite) ?? true, "the measurement engine's figures are finite")
    bits = value ?? .nan
  }

  /// The figure, or `nil` when there is none.
  var value: Double? { bits.isNaN ? nil : bits }

  static func == (lhs: CompactNumber, rhs: CompactNumber) -> Bool { lhs.value == rhs.value }
  func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

extension UnmeasuredReason? {
  /// The quarters not reported, when that is the reason (the `missing` list of SPEC §8.1).
  var quartersNotReported: [Quarter] {
    if case .notReported(let quarters)? = self { return quarters }
    return []
  }
}

/// An amount per quarter (*realisasi anggaran* of TW I … TW IV), at most one each, read like a
/// dictionary from quarter to amount: four slots held in place rather than a dictionary of its
/// own for each indicator. Iterates in quarter order.
public struct QuarterAmounts: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
  private var first = CompactNumber(nil)
  private var second = CompactNumber(nil)
  private var third = CompactNumber(nil)
  private var fourth = CompactNumber(nil)

  public init() {}

  /// The amounts of a dictionary; every amount must be finite.
  public init(_ amounts: [Quarter: Double]) {
    for (quarter, amount) in amounts { self[quarter] = amount }
  }

  public init(dictionaryLiteral elements: (Quarter, Double)...) {
    for (quarter, amount) in elements { self[quarter] = amount }
  }

  public subscript(quarter: Quarter) -> Double? {
    get {
      switch quarter {
      case .first: first.value
      case .second: second.value
      case .third: third.value
      case .fourth: fourth.value
      }
    }
    set {
      switch quarter {
      case .first: first = CompactNumber(newValue)
      case .second: second = CompactNumber(newValue)
      case .third: third = CompactNumber(newValue)
      case .fourth: fourth = CompactNumber(newValue)
      }
    }
  }

  /// The quarters with an amount, in order.
  public var keys: [Quarter] { Quarter.allCases.filter { self[$0] != nil } }
  /// The amounts, in quarter order.
  public var values: [Double] { Quarter.allCases.compactMap { self[$0] } }
  public var count: Int { keys.count }
  public var isEmpty: Bool { keys.isEmpty }

  public func makeIterator() -> some IteratorProtocol<(key: Quarter, value: Double)> {
    Quarter.allCases.lazy.compactMap { quarter in self[quarter].map { (key: quarter, value: $0) } }
      .makeIterator()
  }
}
