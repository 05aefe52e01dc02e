import Foundation
import Synchronization

/// What `sakip validate` (and the reading half of `recap`) is asked to do.
public struct ValidationRequest: Sendable {
  public var definitionsPath: String
  public var formPaths: [String]
  /// The reporting quarter; when `nil`, the period most forms name.
  public var period: Quarter?
  public var year: Int?
  public var read: ReadOptions
  /// The rules indicators are measured with (the explanation check looks at the capaian).
  public var rules: MeasurementRules

  public init(
    definitionsPath: String, formPaths: [String], period: Quarter?, year: Int?, read: ReadOptions,
    rules: MeasurementRules = .default
  ) {
    self.definitionsPath = definitionsPath
    self.formPaths = formPaths
    self.period = period
    self.year = year
    self.read = read
    self.rules = rules
  }
}

/// Everything validation found, ready to render as text, JSON, notes or a workbook.
public struct ValidationReport: Sendable {
  public var definitions: IndicatorDefinitions
  public var period: Quarter
  public var year: Int?
  /// Every finding, sorted by section (in the definitions' order), file, line.
  public var findings: [Finding]
  public var sections: [SectionStatus]
  /// The definitions file first, then every form.
  public var inputs: [SourceSummary]
  public var merged: MergedValues

  public var errorCount: Int { findings.filter { $0.severity == .error }.count }
  public var warningCount: Int { findings.filter { $0.severity == .warning }.count }
  /// No error: the forms are complete and consistent (warnings may remain).
  public var isValid: Bool { errorCount == 0 }
}

/// Reads the definitions and forms and runs every check of SPEC §7.
public enum ValidationRun {
  public static func run(
    _ request: ValidationRequest, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
  ) throws(SakipError) -> ValidationReport {
    let (reading, definitionsSource) = try DefinitionsReading.load(request.definitionsPath, options: request.read)
    let definitions = reading.definitions

    let paths = try InputDiscovery.forms(in: request.formPaths, excluding: request.definitionsPath)
    var inputs = [definitionsSource]
    var findings = reading.findings

    // The period: as asked, else what most forms name (a first pass over the title blocks).
    var period = request.period
    if period == nil {
      let titles = parallelMap(count: paths.count) { i in
        InputFile.read(paths[i], options: request.read).document
          .flatMap { FormReader.titleBlock(of: $0.records).period?.value }
      }
      // The period most forms name; on a tie the later one (earlier returns sent along).
      let counts = Dictionary(titles.compactMap { $0 }.map { ($0, 1) }, uniquingKeysWith: +)
      period = counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
    }
    guard let period else { throw .usage(.periodUnknown) }

    // Each form is parsed as soon as it is read and its records dropped, on every core, and its
    // values merged in path order as soon as the forms before it are: memory holds what the
    // forms say once, never all their text at once.
    let done = Mutex<Int>(0)
    let loaded = parallelFoldInOrder(
      LoadedForms(definitions: definitions, period: period), count: paths.count,
      { i in
        let form = LoadedForm.load(paths[i], options: request.read, period: period, definitions: definitions)
        // Under the lock, so the display counts up in order and ends on n of n.
        done.withLock { count in
          count += 1
          progress?(count, paths.count)
        }
        return form
      }, into: { $0.add($1) })
    inputs += loaded.summaries
    findings += loaded.findings

    var input = ValidationInput(
      definitions: definitions, forms: loaded.forms, period: period, year: request.year, rules: request.rules)
    input.sectionsWithUnreadableForms = Set(loaded.unreadableSections.values)
    input.merged = loaded.merge
    var outcome = Validator.validate(input)
    outcome.formSections.merge(loaded.unreadableSections) { current, _ in current }
    findings += outcome.findings
    let sorted = sort(findings, sections: definitions.sections)
    return ValidationReport(
      definitions: definitions, period: period, year: outcome.year, findings: sorted,
      sections: sectionStatuses(definitions, paths, outcome, sorted, period: period),
      inputs: inputs, merged: outcome.merged)
  }

  /// The section whose name the file name carries (`Bidang_Infrastruktur_TIK_TW2.csv`), the
  /// longest such name when several match; for files that cannot be read at all.
  static func sectionNamed(byFile path: String, in definitions: IndicatorDefinitions) -> String? {
    func key(_ s: String) -> String {
      String(s.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
    }
    let name = key(URL(fileURLWithPath: path).lastPathComponent)
    return definitions.sections.filter { !key($0).isEmpty && name.contains(key($0)) }
      .max { key($0).count < key($1).count }
  }

  static func lineOf(_ reason: UnreadableReason?) -> Int? {
    switch reason {
    case .unclosedQuote(let line), .malformedQuote(let line): line
    default: nil
    }
  }

  /// Definitions findings first, then by section in the definitions' order, file, line.
  static func sort(_ findings: [Finding], sections: [String]) -> [Finding] {
    let order = Dictionary(sections.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    func key(_ f: Finding) -> (Int, Int, String, Int) {
      let group = f.code == .invalidDefinition ? 0 : 1
      return (group, f.section.flatMap { order[$0] } ?? sections.count, f.location.file ?? "", f.location.line ?? Int.max)
    }
    return findings.enumerated().sorted { a, b in
      let (ka, kb) = (key(a.element), key(b.element))
      if ka != kb { return ka < kb }
      return a.offset < b.offset
    }.map(\.element)
  }

  static func sectionStatuses(
    _ definitions: IndicatorDefinitions, _ paths: [String], _ outcome: ValidationOutcome,
    _ findings: [Finding], period: Quarter
  ) -> [SectionStatus] {
    let findingsBySection = Dictionary(grouping: findings) { $0.section ?? "" }
    let formsBySection = Dictionary(grouping: paths) { outcome.formSections[$0] ?? "" }
    return definitions.sections.map { section in
      let indicators = definitions.indicators(of: section)
      var reported = 0
      var missing = 0
      for indicator in indicators {
        let merged = outcome.merged
        var complete = true
        for q in period.throughThis {
          if merged.realisation(of: indicator.code, in: q)?.value.isReported != true { missing += 1; complete = false }
          if indicator.ceiling != nil, merged.budget(of: indicator.code, in: q)?.value.isReported != true {
            missing += 1
            complete = false
          }
        }
        if complete { reported += 1 }
      }
      let own = findingsBySection[section] ?? []
      return SectionStatus(
        name: section,
        forms: formsBySection[section] ?? [],
        assigned: indicators.count, reported: reported, missingValues: missing,
        errors: own.filter { $0.severity == .error }.count,
        warnings: own.filter { $0.severity == .warning }.count)
    }
  }
}

/// One form file after reading: its provenance and what it says, or why it could not be read.
/// Its CSV records are not kept.
struct LoadedForm: Sendable {
  var path: String
  var summary: SourceSummary
  /// The form, what is kept of it once merged, and what reading it found.
  var parsed: (form: Form, remains: Form, findings: [Finding])?
  var failure: UnreadableReason?
  var failureLine: Int?

  static func load(
    _ path: String, options: ReadOptions, period: Quarter, definitions: IndicatorDefinitions
  ) -> LoadedForm {
    let file = InputFile.read(path, options: options)
    let parsed = file.document.map { document in
      let (form, findings) = FormReader(file: path, decimalMark: file.decimalMark(options), defaultPeriod: period)
        .read(document.records, definitions: definitions)
      return (form, form.remains(for: definitions), findings)
    }
    return LoadedForm(
      path: path, summary: file.summary, parsed: parsed, failure: file.failure, failureLine: file.failureLine)
  }
}

/// The forms read so far, taken in path order: each form's values go into the merge as soon as
/// it is read, and only its remains are kept (`Form.remains(for:)`).
struct LoadedForms: Sendable {
  let definitions: IndicatorDefinitions
  /// What was found about each file, in path order.
  var summaries: [SourceSummary] = []
  var forms: [Form] = []
  /// What reading found wrong, form by form in path order.
  var findings: [Finding] = []
  /// The section of each file that could not be read, by path, when its name tells.
  var unreadableSections: [String: String] = [:]
  var merge: FormMerge

  init(definitions: IndicatorDefinitions, period: Quarter) {
    self.definitions = definitions
    merge = FormMerge(for: definitions, through: period)
  }

  /// Takes the next file in path order.
  mutating func add(_ file: LoadedForm) {
    summaries.append(file.summary)
    guard let (form, remains, formFindings) = file.parsed else {
      let section = ValidationRun.sectionNamed(byFile: file.path, in: definitions)
      if let section { unreadableSections[file.path] = section }
      findings.append(
        Finding(.unreadableFile,
          at: SourceLocation(file: file.path, line: file.failureLine ?? ValidationRun.lineOf(file.failure)),
          section: section, .unreadable(file.failure ?? .empty)))
      return
    }
    merge.add(form)
    forms.append(remains)
    findings += formFindings
  }
}
