import Foundation

/// What `sakip template` is asked to do (SPEC §6).
public struct TemplateRequest: Sendable {
  public var definitionsPath: String
  public var year: Int
  /// The quarter the forms will report; later quarters are left out.
  public var period: Quarter
  /// The folder the forms are written into (created when missing).
  public var outputFolder: String
  /// Earlier returns (`--from`) whose values pre-fill the quarters before `period`.
  public var earlierForms: [String]
  public var agency: String?
  /// Sheet protection password; `nil` protects without one.
  public var password: String?
  public var read: ReadOptions

  public init(
    definitionsPath: String, year: Int, period: Quarter, outputFolder: String,
    earlierForms: [String] = [], agency: String? = nil, password: String? = nil,
    read: ReadOptions = ReadOptions()
  ) {
    self.definitionsPath = definitionsPath
    self.year = year
    self.period = period
    self.outputFolder = outputFolder
    self.earlierForms = earlierForms
    self.agency = agency
    self.password = password
    self.read = read
  }
}

/// The forms written for one section.
public struct SectionTemplate: Sendable, Hashable {
  public var section: String
  public var xlsxPath: String
  public var csvPath: String
  public var indicators: Int
  /// Earlier-quarter cells filled from `--from`.
  public var prefilledCells: Int
}

/// What `sakip template` wrote.
public struct TemplateOutcome: Sendable {
  public var forms: [SectionTemplate]
  /// Indicators whose earlier values were left empty because the `--from` forms conflict on
  /// them (never one value chosen silently).
  public var conflictingIndicators: [IndicatorCode]
  /// `--from` was given for TW I, which has no earlier quarter.
  public var earlierFormsIgnored: Bool
}

/// Writes the blank forms of SPEC §6: for every section, `<slug>.xlsx` and `<slug>.csv`.
public enum TemplateBuilder {
  public static func build(_ request: TemplateRequest, context: RunContext) throws(SakipError)
    -> TemplateOutcome
  {
    let definitions = try DefinitionsReading.load(request.definitionsPath, options: request.read).reading.definitions

    var earlier = EarlierValues()
    var conflicting: [IndicatorCode] = []
    let ignored = !request.earlierForms.isEmpty && request.period == .first
    if !request.earlierForms.isEmpty, let previous = Quarter(rawValue: request.period.rawValue - 1) {
      (earlier, conflicting) = try earlierValues(request, before: request.period, through: previous)
    }

    let sections = definitions.sections
    let slugs = FileName.uniqueSlugs(sections)
    let folderURL = URL(fileURLWithPath: request.outputFolder)
    try OutputPaths.check(
      outputs: slugs.flatMap { [folderURL.appendingPathComponent($0 + ".xlsx").path, folderURL.appendingPathComponent($0 + ".csv").path] },
      inputs: [request.definitionsPath] + (request.earlierForms.isEmpty ? [] : InputDiscovery.forms(in: request.earlierForms)))
    try AtomicFile.makeFolder(request.outputFolder)
    var forms: [SectionTemplate] = []
    for (section, slug) in zip(sections, slugs) {
      let layout = FormTemplateLayout(
        agency: request.agency, section: section, year: request.year, period: request.period,
        indicators: definitions.indicators(of: section), earlier: earlier)
      let folder = URL(fileURLWithPath: request.outputFolder)
      let xlsx = folder.appendingPathComponent(slug + ".xlsx").path
      let csv = folder.appendingPathComponent(slug + ".csv").path
      do {
        try layout.writeWorkbook(to: xlsx, password: request.password, creationDate: context.now)
      } catch {
        throw .outputFailed(path: xlsx, reason: String(describing: error))
      }
      try AtomicFile.write(layout.csvBytes(), to: csv)
      let prefilled = layout.indicators.reduce(0) { count, indicator in
        count
          + layout.columns.filter {
            switch $0 {
            case .realisation, .budgetRealisation: layout.cell(indicator, $0) != .empty
            default: false
            }
          }.count
      }
      forms.append(
        SectionTemplate(
          section: section, xlsxPath: xlsx, csvPath: csv, indicators: layout.indicators.count,
          prefilledCells: prefilled))
    }
    return TemplateOutcome(
      forms: forms, conflictingIndicators: conflicting, earlierFormsIgnored: ignored)
  }

  /// Reads the earlier returns as `sakip validate` would for the quarter before the period,
  /// and keeps their values for the quarters before `period`. An indicator with a conflict
  /// between files is left empty and named.
  static func earlierValues(_ request: TemplateRequest, before period: Quarter, through previous: Quarter)
    throws(SakipError) -> (EarlierValues, [IndicatorCode])
  {
    let report = try ValidationRun.run(
      ValidationRequest(
        definitionsPath: request.definitionsPath, formPaths: request.earlierForms,
        period: previous, year: request.year, read: request.read))
    let conflicting = Set(report.findings.filter { $0.code == .conflict }.compactMap(\.indicator))
    var values = EarlierValues()
    for code in report.definitions.indicators.map(\.code) where !conflicting.contains(code) {
      let realisations = report.merged.realisations(of: code)
        .filter { $0.key < period && !$0.value.isInvalid && $0.value.value.isReported }
      if !realisations.isEmpty { values.realisations[code] = realisations.mapValues(\.value) }
      let budget = report.merged.budget(of: code).filter { $0.key < period && !$0.value.isInvalid }
        .compactMapValues(\.value.number)
      if !budget.isEmpty { values.budget[code] = budget }
    }
    return (values, conflicting.sorted())
  }
}
