extension Validator {
  /// `missing-form`, `missing-indicator`, `missing-value`, `missing-budget`.
  static func checkCompleteness(
    _ input: ValidationInput, _ merged: MergedValues, _ formSections: [String: String],
    into findings: inout [Finding]
  ) {
    let quarters = input.period.throughThis
    let formsByFile = Dictionary(input.forms.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
    let formsBySection = Dictionary(grouping: input.forms) { formSections[$0.file] ?? "" }
    for section in input.definitions.sections {
      let indicators = input.definitions.indicators(of: section)
      let forms = formsBySection[section] ?? []
      let anyRow = indicators.contains { merged.origin(of: $0.code) != nil }
      if forms.isEmpty && !anyRow {
        if input.sectionsWithUnreadableForms.contains(section) { continue }
        findings.append(Finding(.missingForm, section: section, .formMissing(indicators: indicators.count)))
        continue
      }
      for indicator in indicators {
        guard let origin = merged.origin(of: indicator.code) else {
          findings.append(
            Finding(.missingIndicator, at: SourceLocation(file: forms.first?.file), section: section,
              indicator: indicator.code, .indicatorMissing(wording: indicator.wording)))
          continue
        }
        let formOfRow = formsByFile[origin.file]
        for q in quarters {
          let cell = merged.realisation(of: indicator.code, in: q)
          if cell?.isInvalid == true || cell?.value.isReported == true { continue }
          let column = cell?.column ?? formOfRow?.realisationColumns[q] ?? "Realisasi \(q.label)"
          findings.append(
            Finding(.missingValue,
              at: SourceLocation(file: cell?.file ?? origin.file, line: cell?.line ?? origin.line, column: column),
              section: section, indicator: indicator.code, .valueMissing(q, written: nil)))
        }
        guard indicator.ceiling != nil else { continue }
        for q in quarters {
          let cell = merged.budget(of: indicator.code, in: q)
          if cell?.isInvalid == true || cell?.value.isReported == true { continue }
          let column = cell?.column ?? formOfRow?.budgetColumns[q] ?? "Realisasi Anggaran \(q.label)"
          findings.append(
            Finding(.missingBudget,
              at: SourceLocation(file: cell?.file ?? origin.file, line: cell?.line ?? origin.line, column: column),
              section: section, indicator: indicator.code, .budgetMissing(q)))
        }
      }
    }
  }
}
