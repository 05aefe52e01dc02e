/// The lower bounds of the achievement categories (*batas kategori capaian*, SPEC §5.4): four
/// finite, strictly decreasing percentages. Overridable with `--categories 91,76,66,51`.
public struct CategoryThresholds: Hashable, Sendable {
  /// The least achievement that is *Sangat Tinggi*.
  public let veryHigh: Double
  /// The least achievement that is *Tinggi*.
  public let high: Double
  /// The least achievement that is *Sedang*.
  public let medium: Double
  /// The least achievement that is *Rendah*; anything below is *Sangat Rendah*.
  public let low: Double

  /// Permendagri 86/2017: 91, 76, 66, 51.
  public static let `default` = CategoryThresholds(
    uncheckedVeryHigh: 91, high: 76, medium: 66, low: 51)

  /// Creates thresholds, or `nil` unless all four are finite and strictly decreasing.
  public init?(veryHigh: Double, high: Double, medium: Double, low: Double) {
    let bounds = [veryHigh, high, medium, low]
    guard bounds.allSatisfy(\.isFinite), veryHigh > high, high > medium, medium > low else {
      return nil
    }
    self.init(uncheckedVeryHigh: veryHigh, high: high, medium: medium, low: low)
  }

  /// Reads the `--categories` argument: four numbers separated by commas, decimal point,
  /// spaces around them allowed (`"91,76,66,51"`, `"90.5, 75, 65, 50"`). Returns `nil` for
  /// anything else, including numbers that are not strictly decreasing.
  public init?(parsing text: String) {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(\.trimmed)
    guard parts.count == 4 else { return nil }
    var numbers: [Double] = []
    for part in parts {
      guard Self.isPlainDecimal(part), let number = Double(part) else { return nil }
      numbers.append(number)
    }
    self.init(veryHigh: numbers[0], high: numbers[1], medium: numbers[2], low: numbers[3])
  }

  private init(uncheckedVeryHigh veryHigh: Double, high: Double, medium: Double, low: Double) {
    self.veryHigh = veryHigh
    self.high = high
    self.medium = medium
    self.low = low
  }

  /// The relative allowance for the last-digit error of binary arithmetic when an achievement
  /// is compared with a bound (see `category(for:)`).
  public static let relativeTolerance = 1e-12

  /// The category of an achievement, judged on the value before any rounding (so 90.999 is
  /// *Tinggi*, not *Sangat Tinggi*). A value equal to a bound belongs to the higher category.
  ///
  /// "Equal" allows for the error of binary arithmetic, which is below 1e-15 relative: a
  /// realisation of 45.5 against a target of 50 is 91 exactly in decimal and *Sangat Tinggi*,
  /// even where the computed percentage is 90.99999999999999. The allowance is
  /// `relativeTolerance` of the bound (at least 1e-12 absolute), far below any rounding shown.
  public func category(for achievement: Double) -> AchievementCategory {
    if Self.reaches(achievement, veryHigh) { return .veryHigh }
    if Self.reaches(achievement, high) { return .high }
    if Self.reaches(achievement, medium) { return .medium }
    if Self.reaches(achievement, low) { return .low }
    return .veryLow
  }

  private static func reaches(_ value: Double, _ bound: Double) -> Bool {
    value >= bound - relativeTolerance * max(bound.magnitude, 1)
  }

  /// `-`? digits with at most one `.`: what people type; refuses `nan`, `inf`, hex, exponents.
  private static func isPlainDecimal(_ text: String) -> Bool {
    var body = Substring(text)
    if body.first == "-" { body = body.dropFirst() }
    let pieces = body.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(pieces.count), let whole = pieces.first, !whole.isEmpty else {
      return false
    }
    return pieces.allSatisfy { piece in
      !piece.isEmpty && piece.allSatisfy { $0.isASCII && $0.isNumber }
    }
  }
}
