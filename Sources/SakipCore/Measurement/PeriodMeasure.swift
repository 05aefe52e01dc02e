/// The measurement of one indicator over one period (*pengukuran per periode*): target,
/// realisation, achievement (*capaian*) and category, or what is missing and why (SPEC §5,
/// §8.1 `periods`). Numbers are at full precision and always finite.
public struct PeriodMeasure: Hashable, Sendable {
  /// The quarter, semester or year to date measured.
  public let period: MeasurementPeriod
  /// The category of the achievement (*kategori*), judged before rounding.
  public let category: AchievementCategory?
  /// Why the achievement is not the plain formula's result (clamped to 0, capped).
  public let note: AchievementNote?
  /// The status of a qualitative indicator (*tercapai* / *tidak tercapai*).
  public let qualitative: QualitativeStatus?
  /// Why the achievement (or status) is not given; `.qualitative` when the status is given
  /// instead of a percentage.
  public let reason: UnmeasuredReason?
  // The numbers in 8 bytes each rather than 16: a province has 400,000 period measures.
  private let storedTarget: CompactNumber
  private let storedRealisation: CompactNumber
  private let storedAchievement: CompactNumber
  /// The target of a qualitative indicator (`BB`, `WTP`, `Tersedia`).
  public let targetText: String?
  /// The realisation of a qualitative indicator.
  public let realisationText: String?

  /// The target over the period (*target*); `nil` for a qualitative indicator or when none.
  public var target: Double? { storedTarget.value }
  /// The realisation over the period (*realisasi*); `nil` when incomplete or qualitative.
  public var realisation: Double? { storedRealisation.value }
  /// The achievement in percent (*capaian*), not rounded; `nil` when it cannot be computed.
  public var achievement: Double? { storedAchievement.value }
  /// The quarters whose realisation is needed and not reported (*belum dilaporkan*). The
  /// realisation's reason comes first, so these are the quarters of a `.notReported` reason.
  public var missing: [Quarter] { reason.quartersNotReported }

  /// Whether the achievement is a figure computed from a numeric target (a cell the workbook
  /// writes as a formula, and other sheets refer to).
  public var hasAchievementFigure: Bool { achievement != nil && target != nil }

  /// Whether the `negatif` formula went below zero and the achievement is shown as 0.
  public var clampedToZero: Bool { note == .clampedToZero }

  /// Measures an indicator over a period. The reason given is the first that applies: the
  /// realisation (missing quarters, text for a number), then the target, then the formula.
  public init(
    _ definition: IndicatorDefinition, realisations: [Quarter: ReportedValue],
    over period: MeasurementPeriod, rules: MeasurementRules
  ) {
    let realised = PeriodValue.realisation(
      of: definition, reported: realisations, over: period)
    let target = PeriodValue.target(of: definition, over: period)
    self.period = period
    self.storedTarget = CompactNumber(target.number)
    self.storedRealisation = CompactNumber(realised.number)
    self.targetText = target.text
    self.realisationText = realised.text
    let outcome = Outcome(
      target: target, realisation: realised, definition: definition, rules: rules)
    self.storedAchievement = CompactNumber(outcome.achievement.percent)
    self.category = outcome.achievement.percent.map(rules.thresholds.category(for:))
    self.note = outcome.achievement.note
    self.reason = outcome.reason
    self.qualitative = outcome.status
  }
}

/// The achievement or status that a target and a realisation give, with the reason that
/// applies first. Shared by the period measures and the annual progress.
struct Outcome {
  var achievement: Achievement
  var status: QualitativeStatus?
  var reason: UnmeasuredReason?

  init(
    target: PeriodValue, realisation: PeriodValue, definition: IndicatorDefinition,
    rules: MeasurementRules
  ) {
    status = nil
    if let r = realisation.reason {
      achievement = .undefined(r)
    } else if let r = target.reason {
      achievement = .undefined(r)
    } else if let t = target.number, let r = realisation.number {
      achievement = Achievement(
        target: t, realisation: r, polarity: definition.polarity, rules: rules)
    } else {
      achievement = .undefined(.qualitative)
      if let t = target.text, let r = realisation.text {
        status = QualitativeStatus(target: t, realisation: r)
      }
    }
    reason = achievement.reason
  }
}
