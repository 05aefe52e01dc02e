/// A number that is never NaN or infinite: the only kind of number the measurement engine
/// (*pengukuran kinerja*) hands out, so no output can show `NaN` or `∞` (SPEC §5.3).
public struct FiniteNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The number itself, always finite.
  public let value: Double

  /// Creates a finite number, or `nil` when `value` is NaN or infinite.
  public init?(_ value: Double) {
    guard value.isFinite else { return nil }
    self.value = value
  }

  public static func < (lhs: FiniteNumber, rhs: FiniteNumber) -> Bool { lhs.value < rhs.value }

  public var description: String { value.description }
}

extension Double {
  /// The number itself when finite, else `nil`: every computed figure passes through this.
  var finiteOrNil: Double? { isFinite ? self : nil }
}

/// Full-precision arithmetic that refuses to produce NaN or infinity.
enum SafeArithmetic {
  /// `numerator / denominator`, or `nil` when the denominator is zero or the result is not finite.
  static func divide(_ numerator: Double, by denominator: Double) -> Double? {
    guard denominator != 0, numerator.isFinite, denominator.isFinite else { return nil }
    return (numerator / denominator).finiteOrNil
  }

  /// `part / whole × 100`, or `nil` when `whole` is zero or the result is not finite.
  /// Multiplies first, so that a result that is a whole or short decimal comes out exactly
  /// (`110 / 100 × 100` is `110`, not `110.00000000000001`); divides first only when the product
  /// would overflow.
  static func percent(_ part: Double, of whole: Double) -> Double? {
    guard whole != 0, part.isFinite, whole.isFinite else { return nil }
    let scaled = part * 100
    if scaled.isFinite { return divide(scaled, by: whole) }
    return divide(part, by: whole).flatMap { ($0 * 100).finiteOrNil }
  }

  /// The sum in order, or `nil` when any term or the running sum is not finite.
  static func sum(_ values: [Double]) -> Double? {
    var total = 0.0
    for value in values {
      guard value.isFinite else { return nil }
      total += value
      guard total.isFinite else { return nil }
    }
    return total
  }

  /// The arithmetic mean, or `nil` for no values or a non-finite input. Falls back to summing
  /// the shares when the plain sum would overflow.
  static func mean(_ values: [Double]) -> Double? {
    guard !values.isEmpty, values.allSatisfy(\.isFinite) else { return nil }
    let count = Double(values.count)
    if let total = sum(values) { return divide(total, by: count) }
    return sum(values.map { $0 / count })
  }
}
