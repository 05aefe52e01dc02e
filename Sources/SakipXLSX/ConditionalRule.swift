/// A cell-value rule for conditional formatting (`LXW_CONDITIONAL_TYPE_CELL`): cells whose
/// value passes get the style's font colour, fill and bold/italic.
public enum ConditionalRule: Sendable, Hashable {
  case greaterThanOrEqual(Double)
  case greaterThan(Double)
  case lessThan(Double)
  case lessThanOrEqual(Double)
  case equal(Double)
  /// Inclusive on both ends, as in Excel.
  case between(Double, Double)

  var values: [Double] {
    switch self {
    case .greaterThanOrEqual(let v), .greaterThan(let v), .lessThan(let v),
      .lessThanOrEqual(let v), .equal(let v):
      return [v]
    case .between(let low, let high): return [low, high]
    }
  }
}
