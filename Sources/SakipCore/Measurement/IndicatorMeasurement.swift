/// Everything measured for one indicator at a reporting quarter (*hasil pengukuran indikator*):
/// the period measures, the progress towards the annual target and the budget (SPEC §5, §8.1
/// one element of `indicators`). Aggregation over many indicators is done by the recap.
public struct IndicatorMeasurement: Hashable, Sendable {
  /// The indicator's code (*kode*).
  public let code: IndicatorCode
  /// The reporting quarter (*periode pelaporan*).
  public let reportingPeriod: Quarter
  /// One measure per period, in the order of `MeasurementPeriod.reported(through:)`: TW1 … the
  /// reporting quarter, S1 once TW II is in, S2 at TW IV, then YTD.
  public let periods: [PeriodMeasure]
  /// The realisation to date against the annual target.
  public let annual: AnnualProgress
  /// The budget figures; `nil` for an indicator without a ceiling (*pagu*).
  public let budget: BudgetFigures?

  /// The measure of one period, if it is reported at this quarter.
  public func measure(of period: MeasurementPeriod) -> PeriodMeasure? {
    periods.first { $0.period == period }
  }

  /// The measure of the year to date (*s.d.* the reporting quarter).
  public var yearToDate: PeriodMeasure? { measure(of: .yearToDate(through: reportingPeriod)) }

  /// Measures an indicator at a reporting quarter. See `measure(_:realisations:budget:through:rules:)`.
  public init(
    _ definition: IndicatorDefinition, realisations: [Quarter: ReportedValue],
    budget: [Quarter: Double], through period: Quarter, rules: MeasurementRules
  ) {
    let periods = MeasurementPeriod.reported(through: period).map {
      PeriodMeasure(definition, realisations: realisations, over: $0, rules: rules)
    }
    let toDate = periods.first { $0.period == .yearToDate(through: period) }
    self.code = definition.code
    self.reportingPeriod = period
    self.periods = periods
    self.annual = AnnualProgress(
      definition, realisations: realisations, through: period, rules: rules)
    self.budget = definition.ceiling.flatMap { ceiling in
      BudgetFigures(
        ceiling: ceiling, realisations: budget, through: period,
        achievementToDate: toDate?.achievement)
    }
  }
}

/// Measures one indicator at a reporting quarter (*pengukuran kinerja*, SPEC §5): every period
/// of `MeasurementPeriod.reported(through:)`, the annual progress and, when the indicator has a
/// ceiling, the budget. Quarters absent from `realisations` or `budget` are not reported (empty
/// is not zero); quarters after `period` are ignored. Pure: no I/O, no rounding.
public func measure(
  _ definition: IndicatorDefinition, realisations: [Quarter: ReportedValue],
  budget: [Quarter: Double], through period: Quarter, rules: MeasurementRules = .default
) -> IndicatorMeasurement {
  IndicatorMeasurement(
    definition, realisations: realisations, budget: budget, through: period, rules: rules)
}

extension MergedValues {
  /// Measures `indicator` on the values the forms reported for it, its realisations and budget
  /// found in one lookup.
  func measurement(
    of indicator: IndicatorDefinition, through period: Quarter, rules: MeasurementRules
  ) -> IndicatorMeasurement {
    let reported = reported(of: indicator.code)
    return measure(
      indicator, realisations: reported.realisations, budget: reported.budget, through: period, rules: rules)
  }
}

extension IndicatorDefinition {
  /// Whether its measurement has budget figures: it has a ceiling (*pagu*) that is a finite
  /// number. Known without measuring it.
  public var hasBudgetFigures: Bool { ceiling.map(BudgetFigures.hasFigures(ceiling:)) ?? false }
}
