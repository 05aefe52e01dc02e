/// Everything the recap reports (*rekapitulasi*): the validated forms and, for every indicator
/// in the definitions' order, its measurement at the reporting quarter (SPEC §5, §8).
///
/// The measurements are not kept: a country has millions of indicators, and measuring one
/// again costs less than holding it. They are measured once here, for the category counts,
/// and again by each output that walks them (`measurements`).
public struct Recap: Sendable {
  public let report: ValidationReport
  public let rules: MeasurementRules
  public var title: String?
  public var signer: Signer?
  /// Categories of the capaian to date, over all indicators.
  public let summary: CategorySummary
  /// Categories of the capaian to date per section, in the definitions' order.
  public let summaryBySection: [(section: String, summary: CategorySummary)]
  /// For each indicator in order, whether its capaian to date is a figure (1 byte each).
  private let achievementsToDate: [Bool]

  public init(report: ValidationReport, rules: MeasurementRules, title: String? = nil, signer: Signer? = nil) {
    self.report = report
    self.rules = rules
    self.title = title
    self.signer = signer
    let counted = Self.count(Measurements(report: report, rules: rules))
    summary = counted.total
    let empty = CategorySummary([PeriodMeasure]())
    summaryBySection = report.definitions.sections.map {
      ($0, counted.bySection[IndicatorDefinitions.sectionKey($0)] ?? empty)
    }
    achievementsToDate = counted.achievementsToDate
  }

  /// Every indicator's measurement, in the definitions' order, measured when read.
  public var measurements: Measurements { Measurements(report: report, rules: rules) }

  public var period: Quarter { report.period }
  public var definitions: IndicatorDefinitions { report.definitions }

  /// Each indicator with its measurement, in order.
  public var rows: some Sequence<(IndicatorDefinition, IndicatorMeasurement)> {
    zip(report.definitions.indicators, measurements)
  }

  /// The free text written for the indicator at `index` in the definitions' order.
  public func texts(at index: Int) -> FreeTexts { report.merged.texts(at: index) }

  /// Whether the indicator at `index` has a capaian to date as a figure, without measuring it.
  public func hasAchievementToDate(at index: Int) -> Bool {
    achievementsToDate.indices.contains(index) && achievementsToDate[index]
  }

  /// The counts of one measuring pass.
  private struct Counts: Sendable {
    var total = CategorySummary([PeriodMeasure]())
    /// By section key: a section written in another case or spacing is the same section.
    var bySection: [String: CategorySummary] = [:]
    var achievementsToDate: [Bool] = []
  }

  /// Measures every indicator in chunks on every core and counts the categories to date, in
  /// total and per section. A section's indicators mostly follow each other: each run of them
  /// is counted apart and its section's key worked out once (a province has thousands).
  private static func count(_ measurements: Measurements) -> Counts {
    let indicators = measurements.report.definitions.indicators
    let chunkSize = 4096
    var initial = Counts()
    initial.achievementsToDate.reserveCapacity(indicators.count)
    return parallelFoldInOrder(
      initial, count: (indicators.count + chunkSize - 1) / chunkSize,
      { c in
        let empty = CategorySummary([PeriodMeasure]())
        var chunk = Counts()
        var run: (section: String, summary: CategorySummary)?
        for index in (c * chunkSize)..<min(indicators.count, (c + 1) * chunkSize) {
          let toDate = measurements[index].yearToDate
          chunk.achievementsToDate.append(toDate?.hasAchievementFigure ?? false)
          guard let toDate else { continue }
          chunk.total.add(toDate)
          let section = indicators.section(at: index)
          if run?.section != section {
            if let done = run { chunk.bySection[IndicatorDefinitions.sectionKey(done.section), default: empty].add(done.summary) }
            run = (section, empty)
          }
          run?.summary.add(toDate)
        }
        if let done = run { chunk.bySection[IndicatorDefinitions.sectionKey(done.section), default: empty].add(done.summary) }
        return chunk
      },
      into: { counts, chunk in
        counts.total.add(chunk.total)
        counts.achievementsToDate += chunk.achievementsToDate
        for (section, summary) in chunk.bySection {
          counts.bySection[section, default: CategorySummary([PeriodMeasure]())].add(summary)
        }
      })
  }
}

/// Every indicator's measurement at the reporting quarter, in the definitions' order (SPEC §5),
/// measured each time one is read: nothing is stored but the forms' merged values.
public struct Measurements: RandomAccessCollection, Sendable {
  let report: ValidationReport
  let rules: MeasurementRules

  public var startIndex: Int { 0 }
  public var endIndex: Int { report.definitions.indicators.count }

  public subscript(index: Int) -> IndicatorMeasurement {
    report.merged.measurement(of: report.definitions.indicators[index], through: report.period, rules: rules)
  }
}
