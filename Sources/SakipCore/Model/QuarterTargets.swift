/// The quarterly targets of the Rencana Aksi (*target TW I–IV*): at most one per quarter.
///
/// Four slots held in place rather than a dictionary: a province has a hundred thousand
/// indicators, and each dictionary would be its own allocation.
public struct QuarterTargets: Sendable, Hashable, ExpressibleByDictionaryLiteral {
  private var first: Target?
  private var second: Target?
  private var third: Target?
  private var fourth: Target?

  public init() {}

  public init(_ targets: [Quarter: Target]) {
    for (quarter, target) in targets { self[quarter] = target }
  }

  public init(dictionaryLiteral elements: (Quarter, Target)...) {
    for (quarter, target) in elements { self[quarter] = target }
  }

  public subscript(quarter: Quarter) -> Target? {
    get {
      switch quarter {
      case .first: first
      case .second: second
      case .third: third
      case .fourth: fourth
      }
    }
    set {
      switch quarter {
      case .first: first = newValue
      case .second: second = newValue
      case .third: third = newValue
      case .fourth: fourth = newValue
      }
    }
  }

  /// No quarter has a target.
  public var isEmpty: Bool { first == nil && second == nil && third == nil && fourth == nil }

  /// The targets given, in quarter order.
  public var values: [Target] { [first, second, third, fourth].compactMap { $0 } }
}
