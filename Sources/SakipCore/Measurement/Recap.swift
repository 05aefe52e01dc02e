/// Everything the recap reports (*rekapitulasi*): the validated forms and, for every indicator
/// in the definitions' order, its measurement at the reporting quarter (SPEC §5, §8).
public struct Recap: Sendable {
  public var report: ValidationReport
  public var rules: MeasurementRules
  /// One per indicator, in the definitions' order.
  public var measurements: [IndicatorMeasurement]
  public var title: String?
  public var signer: Signer?

  public init(report: ValidationReport, rules: MeasurementRules, title: String? = nil, signer: Signer? = nil) {
    self.report = report
    self.rules = rules
    self.title = title
    self.signer = signer
    self.measurements = Self.measureAll(report, rules: rules)
  }

  /// Measures every indicator, in chunks on every core. Each chunk is appended to an array of
  /// exactly one measurement per indicator as soon as the chunks before it are, and let go:
  /// the measurements are not held twice.
  private static func measureAll(_ report: ValidationReport, rules: MeasurementRules) -> [IndicatorMeasurement] {
    let indicators = report.definitions.indicators
    let chunkSize = 4096
    var measurements: [IndicatorMeasurement] = []
    measurements.reserveCapacity(indicators.count)
    return parallelFoldInOrder(
      measurements, count: (indicators.count + chunkSize - 1) / chunkSize,
      { c in
        indicators[(c * chunkSize)..<min(indicators.count, (c + 1) * chunkSize)].map { indicator in
          measure(
            indicator, realisations: report.merged.reportedRealisations(of: indicator.code),
            budget: report.merged.reportedBudget(of: indicator.code), through: report.period, rules: rules)
        }
      }, into: { $0 += $1 })
  }

  public var period: Quarter { report.period }
  public var definitions: IndicatorDefinitions { report.definitions }

  /// Each indicator with its measurement, in order.
  public var rows: [(definition: IndicatorDefinition, measurement: IndicatorMeasurement)] {
    Array(zip(report.definitions.indicators, measurements))
  }

  /// The free text written for the indicator at `index` in the definitions' order.
  public func texts(at index: Int) -> FreeTexts { report.merged.texts(at: index) }

  /// Categories of the capaian to date, over all indicators.
  public var summary: CategorySummary { CategorySummary(yearToDate: measurements) }

  /// Categories of the capaian to date per section, in the definitions' order.
  public var summaryBySection: [(section: String, summary: CategorySummary)] {
    // One pass over the indicators, not one per section (a province has thousands). A
    // section's indicators mostly follow each other: each run of them is counted apart and
    // looked up once.
    let empty = CategorySummary([PeriodMeasure]())
    let indicators = report.definitions.indicators
    var bySection: [String: CategorySummary] = [:]
    var run: (section: String, summary: CategorySummary)?
    for index in indicators.indices where index < measurements.count {
      guard let toDate = measurements[index].yearToDate else { continue }
      let section = indicators[index].section
      if run?.section != section {
        if let done = run { bySection[done.section, default: empty].add(done.summary) }
        run = (section, empty)
      }
      run?.summary.add(toDate)
    }
    if let done = run { bySection[done.section, default: empty].add(done.summary) }
    return report.definitions.sections.map { ($0, bySection[$0] ?? empty) }
  }
}
