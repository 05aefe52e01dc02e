/// The progress towards the annual target of the PK (*progres terhadap target tahunan*, SPEC
/// §5.3, §8.1 `annual`): the realisation to date (*s.d.* the reporting quarter, combined by
/// `agregasi`) against the annual target, by the same polarity formula as the achievement.
public struct AnnualProgress: Hashable, Sendable {
  /// Why the progress is not the plain formula's result (clamped to 0, capped).
  public let note: AchievementNote?
  /// For a qualitative indicator: whether the realisation to date meets the annual target.
  public let qualitative: QualitativeStatus?
  /// Why there is no progress figure (`.qualitative` when a status is given instead).
  public let reason: UnmeasuredReason?
  // The numbers in 8 bytes each rather than 16: a province has 100,000 of these.
  private let storedTarget: CompactNumber
  private let storedRealisation: CompactNumber
  private let storedProgress: CompactNumber
  /// The annual target of a qualitative indicator.
  public let targetText: String?
  /// The realisation to date of a qualitative indicator.
  public let realisationText: String?

  /// The annual target; `nil` for a qualitative indicator.
  public var target: Double? { storedTarget.value }
  /// The realisation to date; `nil` when incomplete or qualitative.
  public var realisation: Double? { storedRealisation.value }
  /// Realisation to date over the annual target, in percent, not rounded.
  public var progress: Double? { storedProgress.value }
  /// The quarters to date whose realisation is needed and not reported: those of a
  /// `.notReported` reason, which comes first.
  public var missing: [Quarter] { reason.quartersNotReported }

  /// Measures the progress of an indicator at a reporting quarter.
  public init(
    _ definition: IndicatorDefinition, realisations: [Quarter: ReportedValue],
    through period: Quarter, rules: MeasurementRules
  ) {
    let realised = PeriodValue.realisation(
      of: definition, reported: realisations, over: .yearToDate(through: period))
    let target: PeriodValue =
      switch definition.annualTarget {
      case .grade(let g): .text(g)
      case .number(let n): FiniteNumber(n).map { .number($0) } ?? .unavailable(.outOfRange)
      }
    self.storedTarget = CompactNumber(target.number)
    self.targetText = target.text
    self.storedRealisation = CompactNumber(realised.number)
    self.realisationText = realised.text
    let outcome = Outcome(
      target: target, realisation: realised, definition: definition, rules: rules)
    self.storedProgress = CompactNumber(outcome.achievement.percent)
    self.note = outcome.achievement.note
    self.reason = outcome.reason
    self.qualitative = outcome.status
  }
}
