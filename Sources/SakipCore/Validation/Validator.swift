/// What validation works on: the definitions and every form that could be read.
public struct ValidationInput: Sendable {
  public var definitions: IndicatorDefinitions
  public var forms: [Form]
  /// The reporting quarter (*periode*).
  public var period: Quarter
  /// The year asked for; when `nil`, the year most forms name.
  public var year: Int?
  /// The measurement rules the explanation check measures with.
  public var rules: MeasurementRules
  /// Sections whose form arrived but could not be read (reported as `unreadable-file`, so not
  /// again as `missing-form`).
  public var sectionsWithUnreadableForms: Set<String> = []
  /// The forms' values when they were merged as the forms were read (the forms then carry none
  /// of them); `nil` merges the values `forms` carry.
  public var merged: FormMerge?

  public init(
    definitions: IndicatorDefinitions, forms: [Form], period: Quarter, year: Int?,
    rules: MeasurementRules = .default
  ) {
    self.rules = rules
    self.definitions = definitions
    self.forms = forms
    self.period = period
    self.year = year
  }
}

/// The checks of SPEC §7 over merged forms.
public struct ValidationOutcome: Sendable {
  public var findings: [Finding]
  public var merged: MergedValues
  public var year: Int?
  /// The section each form was taken to be from (title block, else most of its codes).
  public var formSections: [String: String]
}

/// Runs the completeness, consistency and plausibility checks and merges the forms' values.
public enum Validator {
  public static func validate(_ input: ValidationInput) -> ValidationOutcome {
    var findings: [Finding] = []
    let merged = merge(input, into: &findings)
    let formSections = assignSections(input)
    let year = input.year ?? mostCommon(input.forms.compactMap { $0.year?.value })
    checkCompleteness(input, merged, formSections, into: &findings)
    checkConsistency(input, merged, year: year, into: &findings)
    checkPlausibility(input, merged, into: &findings)
    return ValidationOutcome(findings: findings, merged: merged, year: year, formSections: formSections)
  }

  /// Merges values per (indicator, quarter) up to the period, reporting conflicts (or takes
  /// the merge made while the forms were read).
  static func merge(_ input: ValidationInput, into findings: inout [Finding]) -> MergedValues {
    let merge = input.merged ?? FormMerge(merging: input.forms, for: input.definitions, through: input.period)
    findings += merge.conflicts
    return merge.values
  }

  static func sameValue(_ a: ReportedValue, _ b: ReportedValue) -> Bool {
    switch (a, b) {
    case (.number(let x), .number(let y)): abs(x - y) <= 1e-9 * max(1, abs(x), abs(y))
    case (.text(let x), .text(let y)): HeaderMatcher.fold(x) == HeaderMatcher.fold(y)
    default: a == b
    }
  }

  static func assignSections(_ input: ValidationInput) -> [String: String] {
    var result: [String: String] = [:]
    for form in input.forms {
      if let named = form.section.flatMap(input.definitions.section(named:)) {
        result[form.file] = named
      } else if let majority = form.sectionOfMostRows
        ?? mostCommon(form.rows.compactMap { input.definitions.section(of: $0.code) })
      {
        result[form.file] = majority
      }
    }
    return result
  }

  static func mostCommon<T: Hashable>(_ values: [T]) -> T? {
    var counts: [T: Int] = [:]
    var order: [T] = []
    for v in values {
      if counts[v] == nil { order.append(v) }
      counts[v, default: 0] += 1
    }
    return order.max { counts[$0, default: 0] < counts[$1, default: 0] }
  }
}

/// Every form's values merged per (indicator, quarter) up to the period, one form at a time in
/// path order (SPEC §3 "Several forms, one indicator"): a conflict keeps the value read first
/// and is reported.
public struct FormMerge: Sendable {
  /// The values merged so far.
  public private(set) var values: MergedValues
  /// The conflicts found so far, in the order the forms were merged.
  public private(set) var conflicts: [Finding] = []
  private let definitions: IndicatorDefinitions
  private let period: Quarter
  /// Nothing merged yet, for the indicators of `definitions` and the quarters up to `period`.
  public init(for definitions: IndicatorDefinitions, through period: Quarter) {
    values = MergedValues(for: definitions, through: period)
    self.definitions = definitions
    self.period = period
  }

  /// The values of `forms`, merged in their order.
  init(merging forms: [Form], for definitions: IndicatorDefinitions, through period: Quarter) {
    self.init(for: definitions, through: period)
    for form in forms { add(form) }
  }

  /// Merges the values of `form`, after those of every form merged before it.
  public mutating func add(_ form: Form) {
    for row in form.rows {
      values.noteOrigin(of: row.code, file: form.file, line: row.line)
      let section = definitions.section(of: row.code)
      for (cells, isBudget) in [(row.realisations, false), (row.budget, true)] {
        for cell in cells where cell.quarter <= period {
          let incoming = MergedCell(
            value: cell.value, file: form.file, line: cell.line, column: cell.column,
            isInvalid: cell.isInvalid)
          let existing =
            isBudget
            ? values.budget(of: row.code, in: cell.quarter) : values.realisation(of: row.code, in: cell.quarter)
          var keep = incoming
          if let existing {
            keep = existing
            if !existing.value.isReported && !existing.isInvalid { keep = incoming }
            if existing.value.isReported, cell.value.isReported, !Validator.sameValue(existing.value, cell.value) {
              conflicts.append(
                Finding(.conflict, at: SourceLocation(file: form.file, line: cell.line, column: cell.column),
                  section: section, indicator: row.code,
                  .conflict(cell.quarter, budget: isBudget, value: cell.value,
                    otherValue: existing.value, otherFile: existing.file, otherLine: existing.line)))
            }
          }
          values.set(keep, of: row.code, in: cell.quarter, budget: isBudget)
        }
      }
      for field in FreeTextField.allCases {
        guard let text = row.texts[field] else { continue }
        values.setText(text, field, of: row.code)
      }
    }
  }
}
