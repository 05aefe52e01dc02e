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

  /// Merges values per (indicator, quarter) up to the period, reporting conflicts.
  static func merge(_ input: ValidationInput, into findings: inout [Finding]) -> MergedValues {
    var merged = MergedValues(for: input.definitions, through: input.period)
    // Sections write the same kendala or faktor pendorong on many rows: keep one copy of each
    // text once the forms are gone.
    var sharedTexts: Set<String> = []
    for form in input.forms {
      for row in form.rows {
        merged.noteOrigin(of: row.code, file: form.file, line: row.line)
        let section = input.definitions.section(of: row.code)
        for (cells, isBudget) in [(row.realisations, false), (row.budget, true)] {
          for cell in cells where cell.quarter <= input.period {
            let incoming = MergedCell(
              value: cell.value, file: form.file, line: cell.line, column: cell.column,
              isInvalid: cell.isInvalid)
            let existing =
              isBudget
              ? merged.budget(of: row.code, in: cell.quarter) : merged.realisation(of: row.code, in: cell.quarter)
            var keep = incoming
            if let existing {
              keep = existing
              if !existing.value.isReported && !existing.isInvalid { keep = incoming }
              if existing.value.isReported, cell.value.isReported, !sameValue(existing.value, cell.value) {
                findings.append(
                  Finding(.conflict, at: SourceLocation(file: form.file, line: cell.line, column: cell.column),
                    section: section, indicator: row.code,
                    .conflict(cell.quarter, budget: isBudget, value: cell.value,
                      otherValue: existing.value, otherFile: existing.file, otherLine: existing.line)))
              }
            }
            merged.set(keep, of: row.code, in: cell.quarter, budget: isBudget)
          }
        }
        for field in FreeTextField.allCases {
          guard let text = row.texts[field] else { continue }
          merged.setText(sharedTexts.insert(text).memberAfterInsert, field, of: row.code)
        }
      }
    }
    return merged
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
      } else if let majority = mostCommon(form.rows.compactMap { input.definitions.section(of: $0.code) }) {
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

