/// Which formula a lower-is-better (*negatif*) indicator uses (SPEC §5.3).
public enum NegativeFormula: String, Sendable, Hashable, CaseIterable {
  /// *(2T − R) / T × 100*, the default.
  case standard
  /// *T / R × 100* (`--negative-formula ratio`).
  case ratio
}

/// The choices that change how achievement is computed (*aturan pengukuran*): the negative
/// formula, an optional cap (`--cap N`) and the category thresholds (`--categories`).
public struct MeasurementRules: Hashable, Sendable {
  /// The formula for `negatif` indicators.
  public let negativeFormula: NegativeFormula
  /// The largest achievement reported, when `--cap N` is given; `nil` means no cap.
  /// Always finite and greater than zero.
  public let cap: Double?
  /// The category bounds.
  public let thresholds: CategoryThresholds

  /// The standard formula, no cap, Permendagri 86/2017 thresholds.
  public static let `default` = MeasurementRules()

  /// Creates rules without a cap.
  public init(
    negativeFormula: NegativeFormula = .standard, thresholds: CategoryThresholds = .default
  ) {
    self.negativeFormula = negativeFormula
    self.cap = nil
    self.thresholds = thresholds
  }

  /// Creates rules with a cap, or `nil` when the cap is not a finite number greater than zero.
  /// A `nil` cap means no cap.
  public init?(
    negativeFormula: NegativeFormula = .standard, cap: Double?,
    thresholds: CategoryThresholds = .default
  ) {
    if let cap, !(cap.isFinite && cap > 0) { return nil }
    self.negativeFormula = negativeFormula
    self.cap = cap
    self.thresholds = thresholds
  }
}
