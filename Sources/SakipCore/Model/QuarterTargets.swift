/// The quarterly targets of the Rencana Aksi (*target TW I–IV*): at most one per quarter.
///
/// A province has a hundred thousand indicators, most with four numeric targets. Those are
/// held in place, 8 bytes each (a `Target?` takes 24); any other target (a grade, or a number
/// that is not finite) goes to a dictionary that only qualitative indicators need.
public struct QuarterTargets: Sendable, Hashable, ExpressibleByDictionaryLiteral {
  private var first = CompactNumber(nil)
  private var second = CompactNumber(nil)
  private var third = CompactNumber(nil)
  private var fourth = CompactNumber(nil)
  /// The targets that are not finite numbers; `nil` when there are none.
  private var others: [Quarter: Target]?

  public init() {}

  public init(_ targets: [Quarter: Target]) {
    for (quarter, target) in targets { self[quarter] = target }
  }

  public init(dictionaryLiteral elements: (Quarter, Target)...) {
    for (quarter, target) in elements { self[quarter] = target }
  }

  public subscript(quarter: Quarter) -> Target? {
    get {
      if let number = slot(quarter).value { return .number(number) }
      return others?[quarter]
    }
    set {
      var number: Double?
      if case .number(let n)? = newValue, n.isFinite { number = n }
      setSlot(quarter, CompactNumber(number))
      if number == nil, let newValue {
        others = others ?? [:]
        others?[quarter] = newValue
      } else if others?[quarter] != nil {
        others?[quarter] = nil
        if others?.isEmpty == true { others = nil }
      }
    }
  }

  /// No quarter has a target.
  public var isEmpty: Bool {
    others == nil && Quarter.allCases.allSatisfy { slot($0).value == nil }
  }

  /// The targets given, in quarter order.
  public var values: [Target] { Quarter.allCases.compactMap { self[$0] } }

  private func slot(_ quarter: Quarter) -> CompactNumber {
    switch quarter {
    case .first: first
    case .second: second
    case .third: third
    case .fourth: fourth
    }
  }

  private mutating func setSlot(_ quarter: Quarter, _ number: CompactNumber) {
    switch quarter {
    case .first: first = number
    case .second: second = number
    case .third: third = number
    case .fourth: fourth = number
    }
  }
}
