/// A realisation or target over a period (*nilai periode*: a quarter, a semester, or *s.d. TW n*),
/// combined by the indicator's `agregasi` (SPEC §5.1, §5.2). Never computed from part of the
/// data: when a quarter it needs is missing, it is unavailable with the reason.
public enum PeriodValue: Hashable, Sendable {
  /// A number at full precision.
  case number(FiniteNumber)
  /// The text of a qualitative indicator (a grade such as `BB`, `WTP`, `Tersedia`).
  case text(String)
  /// Not available, and why.
  case unavailable(UnmeasuredReason)

  /// The number, when there is one.
  public var number: Double? {
    if case .number(let n) = self { return n.value }
    return nil
  }

  /// The text, when there is one.
  public var text: String? {
    if case .text(let t) = self { return t }
    return nil
  }

  /// Why there is no value.
  public var reason: UnmeasuredReason? {
    if case .unavailable(let r) = self { return r }
    return nil
  }

  /// The realisation over a period. A number is combined by `agregasi` from the quarters the
  /// period needs (only the last one for `akhir`, all of them otherwise); it is unavailable
  /// with `.notReported` naming every such quarter that is not reported. A qualitative
  /// indicator's realisation is the text of the period's last quarter (a grade is a position,
  /// whatever the `agregasi`). Quarters not in `reported` are not reported.
  public static func realisation(
    of definition: IndicatorDefinition, reported: [Quarter: ReportedValue],
    over period: MeasurementPeriod
  ) -> PeriodValue {
    let needed = definition.quartersNeeded(for: period)
    let missing = needed.filter { !(reported[$0] ?? .notReported).isReported }
    guard missing.isEmpty else { return .unavailable(.notReported(missing)) }
    if definition.isQualitative {
      guard let last = needed.last, let value = reported[last] else {
        return .unavailable(.notReported(needed))
      }
      switch value {
      case .text(let t): return .text(t)
      case .number(let n): return .text(n.plainText)
      case .notReported: return .unavailable(.notReported([last]))
      }
    }
    let notNumbers = needed.filter { reported[$0]?.number == nil }
    guard notNumbers.isEmpty else { return .unavailable(.realisationNotANumber(notNumbers)) }
    return combine(needed.compactMap { reported[$0]?.number }, by: definition.aggregation)
  }

  /// The target over a period (SPEC §5.2).
  ///
  /// With quarterly targets (any given), they are combined by `agregasi` like realisations:
  /// `jumlah` sums them, `akhir` takes the period's last quarter's, `rata-rata` the mean,
  /// `maks`/`min` the largest/smallest; one missing for a quarter the period needs is
  /// `.quarterTargetMissing`. Without them, an `akhir`, `rata-rata`, `maks` or `min` indicator
  /// has the annual target for every period, and a `jumlah` indicator only for the whole year
  /// (*s.d. TW IV*); other periods are `.noTargetForPeriod`.
  ///
  /// A qualitative indicator's target is the period's last quarter's target when given, else the
  /// annual one.
  public static func target(of definition: IndicatorDefinition, over period: MeasurementPeriod)
    -> PeriodValue
  {
    if definition.isQualitative {
      let last = period.quarters.last
      let target = last.flatMap { definition.quarterTargets[$0] } ?? definition.annualTarget
      switch target {
      case .grade(let g): return .text(g)
      case .number(let n): return .text(n.plainText)
      }
    }
    guard definition.quarterTargets.isEmpty else {
      let needed = definition.quartersNeeded(for: period)
      let missing = needed.filter { definition.quarterTargets[$0] == nil }
      guard missing.isEmpty else { return .unavailable(.quarterTargetMissing(missing)) }
      let notNumbers = needed.filter { definition.quarterTargets[$0]?.number == nil }
      guard notNumbers.isEmpty else { return .unavailable(.targetNotANumber(notNumbers)) }
      return combine(
        needed.compactMap { definition.quarterTargets[$0]?.number }, by: definition.aggregation)
    }
    guard let annual = definition.annualTarget.number else {
      return .unavailable(.qualitative)
    }
    if definition.aggregation == .sum, period.quarters != Quarter.allCases {
      return .unavailable(.noTargetForPeriod)
    }
    return combine([annual], by: .last)
  }

  /// Combines quarter values by `agregasi`; unavailable (`.outOfRange`) when not finite.
  static func combine(_ values: [Double], by aggregation: Aggregation) -> PeriodValue {
    let result: Double? =
      switch aggregation {
      case .last: values.last
      case .sum: SafeArithmetic.sum(values)
      case .mean: SafeArithmetic.mean(values)
      case .maximum: values.max()
      case .minimum: values.min()
      }
    guard values.allSatisfy(\.isFinite), let result, let number = FiniteNumber(result + 0.0)
    else { return .unavailable(.outOfRange) }
    return .number(number)
  }
}

extension IndicatorDefinition {
  /// The quarters whose values a period's figure is made of: the last one for `akhir` (and for
  /// a qualitative indicator), all of them otherwise.
  func quartersNeeded(for period: MeasurementPeriod) -> [Quarter] {
    let quarters = period.quarters
    if aggregation == .last || isQualitative, let last = quarters.last { return [last] }
    return quarters
  }
}

extension Double {
  /// `3` for a whole number, `2.5` otherwise: how a number reads as a grade's text.
  var plainText: String {
    if self == rounded(), magnitude < 1e15 { return String(Int64(self)) }
    return description
  }
}
