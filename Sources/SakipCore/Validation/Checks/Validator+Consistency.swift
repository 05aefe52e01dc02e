extension Validator {
  /// `year-mismatch`, `period-mismatch`, `target-mismatch`, `unit-mismatch`,
  /// `budget-over-ceiling` (`conflict` is found while merging).
  static func checkConsistency(
    _ input: ValidationInput, _ merged: MergedValues, year: Int?, into findings: inout [Finding]
  ) {
    for form in input.forms {
      let section = form.section.flatMap(input.definitions.section(named:)) ?? form.section
      if let year, let formYear = form.year, formYear.value != year {
        findings.append(
          Finding(.yearMismatch, at: SourceLocation(file: form.file, line: formYear.line, column: "Tahun"),
            section: section, .yearMismatch(form: formYear.value, expected: year)))
      }
      if let formPeriod = form.period, formPeriod.value != input.period {
        findings.append(
          Finding(.periodMismatch, severity: formPeriod.value > input.period ? .error : .warning,
            at: SourceLocation(file: form.file, line: formPeriod.line, column: "Periode"),
            section: section, .periodMismatch(form: formPeriod.value, expected: input.period)))
      }
      let parser = NumberParser(decimalMark: form.decimalMark)
      for row in form.rows {
        guard let definition = input.definitions[row.code] else { continue }
        let differs = differences(row, definition, parser: parser)
        if differs.target, let text = row.targetText {
          findings.append(
            Finding(.targetMismatch,
              at: SourceLocation(file: form.file, line: row.line, column: form.targetColumn),
              section: definition.section, indicator: row.code,
              .targetMismatch(form: text, definitions: definition.annualTarget)))
        }
        if differs.unit, let unit = row.unit {
          findings.append(
            Finding(.unitMismatch, at: SourceLocation(file: form.file, line: row.line, column: form.unitColumn),
              section: definition.section, indicator: row.code,
              .unitMismatch(form: unit, definitions: definition.unit)))
        }
      }
    }
    for indicator in input.definitions.indicators {
      guard let ceiling = indicator.ceiling else { continue }
      let cells = merged.budget(of: indicator.code)
      guard !cells.isEmpty else { continue }
      let tolerance = 1e-9 * max(1, ceiling)
      let ordered = cells.sorted { $0.key < $1.key }
      let toDate = ordered.compactMap { $0.value.value.number }.reduce(0, +)
      guard toDate > ceiling + tolerance else { continue }
      // Point at the cell where the running total first passes the pagu.
      var running = 0.0
      let crossing = ordered.first { entry in
        running += entry.value.value.number ?? 0
        return running > ceiling + tolerance
      }
      guard let last = crossing?.value else { continue }
      findings.append(
        Finding(.budgetOverCeiling, at: SourceLocation(file: last.file, line: last.line, column: last.column),
          section: indicator.section, indicator: indicator.code,
          .budgetOverCeiling(toDate: toDate, ceiling: ceiling)))
    }
  }

  /// Whether a form's row shows another annual target or unit than the definitions.
  static func differences(_ row: FormRow, _ definition: IndicatorDefinition, parser: NumberParser)
    -> (target: Bool, unit: Bool)
  {
    let target = row.targetText.map {
      !NumberParser.isNotReported($0) && !targetMatches($0, definition.annualTarget, parser: parser)
    }
    let unit = row.unit.map { unitKey($0) != unitKey(definition.unit) }
    return (target ?? false, unit ?? false)
  }

  static func targetMatches(_ text: String, _ target: Target, parser: NumberParser) -> Bool {
    switch (parser.parse(text), target) {
    case (.number(let n, _), .number(let t)): return abs(n - t) <= 1e-9 * max(1, abs(t))
    case (_, .grade(let g)): return HeaderMatcher.fold(text) == HeaderMatcher.fold(g)
    default: return false
    }
  }

  static func unitKey(_ unit: String) -> String {
    let folded = HeaderMatcher.fold(unit)
    return ["persen", "percent", "persentase"].contains(folded) ? "%" : folded
  }
}

