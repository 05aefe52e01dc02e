/// The budget of an indicator with a ceiling (*anggaran*: *pagu*, *realisasi anggaran*,
/// *serapan*, *sisa anggaran*, *efisiensi*; SPEC §5.6, §8.1 `budget`). Budget realisation is
/// always summed over quarters, whatever the indicator's `agregasi`. Numbers are in rupiah (or
/// percent where said), at full precision and always finite.
public struct BudgetFigures: Hashable, Sendable {
  /// The budget ceiling (*pagu*).
  public let ceiling: Double
  /// The budget realisation of each reported quarter up to the reporting quarter.
  public let byQuarter: QuarterAmounts
  /// Whether the reported budget realisation up to the reporting quarter is above the ceiling
  /// (an error, SPEC §5.6). Judged on the quarters reported, so it is known even while a
  /// quarter is missing. A NaN realisation is not counted; an infinite one, or a sum that overflows, is over.
  public let overCeiling: Bool
  /// Why `toDate` is `nil`: `.notReported` naming the missing quarters, or `.outOfRange`.
  public let reason: UnmeasuredReason?
  // The numbers in 8 bytes each rather than 16: a province has 80,000 of these.
  private let storedToDate: CompactNumber
  private let storedAbsorption: CompactNumber
  private let storedRemaining: CompactNumber
  private let storedEfficiency: CompactNumber

  /// The quarters up to the reporting quarter with no budget realisation reported: those of a
  /// `.notReported` reason.
  public var missing: [Quarter] { reason.quartersNotReported }
  /// The budget realisation to date (*s.d.*): the sum through the reporting quarter; `nil` when
  /// a quarter is missing.
  public var toDate: Double? { storedToDate.value }
  /// Absorption (*serapan*): to date over the ceiling × 100; `nil` when there is no to-date
  /// figure or the ceiling is not above 0.
  public var absorption: Double? { storedAbsorption.value }
  /// What is left of the ceiling (*sisa anggaran*): ceiling − to date, negative when over.
  public var remaining: Double? { storedRemaining.value }
  /// Efficiency (*efisiensi*): the achievement to date minus the absorption, in percent points;
  /// `nil` when either is `nil`.
  public var efficiency: Double? { storedEfficiency.value }

  /// Whether a ceiling gives budget figures: a finite number.
  static func hasFigures(ceiling: Double) -> Bool { ceiling.isFinite }

  /// Computes the budget figures at a reporting quarter. Quarters after it are ignored. A
  /// non-finite realisation is left out of `byQuarter` and makes the to-date figures
  /// `.outOfRange`. Returns `nil` when the ceiling is not a finite number.
  public init?(
    ceiling: Double, realisations: [Quarter: Double], through period: Quarter,
    achievementToDate: Double?
  ) {
    guard Self.hasFigures(ceiling: ceiling) else { return nil }
    let quarters = period.throughThis
    self.ceiling = ceiling
    self.byQuarter = QuarterAmounts(
      realisations.filter { $0.key <= period && $0.value.isFinite }.mapValues { $0 + 0.0 })
    let missing = quarters.filter { realisations[$0] == nil }
    let reported = quarters.compactMap { realisations[$0] }
    let reportedSum = SafeArithmetic.sum(reported)
    // A sum of the finite values that overflows is certainly above any finite ceiling.
    self.overCeiling =
      SafeArithmetic.sum(reported.filter { !$0.isNaN }).map { $0 > ceiling } ?? true
    let toDate: Double?
    if !missing.isEmpty {
      self.reason = .notReported(missing)
      toDate = nil
    } else if let reportedSum {
      self.reason = nil
      toDate = reportedSum + 0.0
    } else {
      self.reason = .outOfRange
      toDate = nil
    }
    let absorption = toDate.flatMap { toDate in
      ceiling > 0 ? SafeArithmetic.percent(toDate, of: ceiling) : nil
    }
    self.storedToDate = CompactNumber(toDate)
    self.storedAbsorption = CompactNumber(absorption)
    self.storedRemaining = CompactNumber(toDate.flatMap { (ceiling - $0).finiteOrNil })
    if let achievementToDate, let absorption {
      self.storedEfficiency = CompactNumber((achievementToDate - absorption).finiteOrNil)
    } else {
      self.storedEfficiency = CompactNumber(nil)
    }
  }
}
