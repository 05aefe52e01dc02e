extension Validator {
  /// `fraction-percent`, `outlier`, `missing-explanation`, `missing-evidence` (warnings).
  static func checkPlausibility(_ input: ValidationInput, _ merged: MergedValues, into findings: inout [Finding]) {
    let formsByFile = Dictionary(input.forms.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
    // Each indicator is checked on its own: in chunks on every core, joined in order.
    findings += parallelChunks(input.definitions.indicators[...]) { indicators in
      var findings: [Finding] = []
      for indicator in indicators {
        guard let origin = merged.origin(of: indicator.code) else { continue }
        let cells = merged.realisations(of: indicator.code)
        let form = formsByFile[origin.file]
        let annual = indicator.annualTarget.number

        for q in input.period.throughThis {
          guard let cell = cells[q], let value = cell.value.number else { continue }
          let at = SourceLocation(file: cell.file, line: cell.line, column: cell.column)
          let target = indicator.quarterTargets[q]?.number ?? annual
          if indicator.isPercentage, value > 0, value <= 1, let target, target >= 10 {
            findings.append(
              Finding(.fractionPercent, at: at, section: indicator.section, indicator: indicator.code,
                .fractionPercent(value: value, target: target)))
          }
          if let previousQuarter = Quarter(rawValue: q.rawValue - 1),
            let previous = cells[previousQuarter]?.value.number,
            isOutlier(value, previous: previous, annualTarget: annual)
          {
            findings.append(
              Finding(.outlier, at: at, section: indicator.section, indicator: indicator.code,
                .outlier(q, value: value, previous: previous)))
          }
        }

        let texts = merged.texts(of: indicator.code)
        let reportsSomething = cells.values.contains { $0.value.isReported }
        if let achievement = achievementToDate(indicator, merged, input.period, input.rules), achievement < 100,
          (texts[.kendala] ?? "").isEmpty
        {
          findings.append(
            Finding(.missingExplanation,
              at: SourceLocation(file: origin.file, line: origin.line, column: form.map { textColumnName($0, .kendala) }),
              section: indicator.section, indicator: indicator.code,
              .explanationMissing(achievement: achievement)))
        }
        if reportsSomething, (texts[.buktiDukung] ?? "").isEmpty {
          findings.append(
            Finding(.missingEvidence,
              at: SourceLocation(file: origin.file, line: origin.line, column: form.map { textColumnName($0, .buktiDukung) }),
              section: indicator.section, indicator: indicator.code, .evidenceMissing))
        }
      }
      return findings
    }
  }

  /// A value is far off the previous quarter's when it is over five times or under a fifth of
  /// it, and the jump is at least half the annual target (so small counts do not trip it).
  static func isOutlier(_ value: Double, previous: Double, annualTarget: Double?) -> Bool {
    guard previous > 0, value > 0 else { return false }
    let ratio = value / previous
    guard ratio > 5 || ratio < 0.2 else { return false }
    guard let annualTarget, annualTarget != 0 else { return true }
    return abs(value - previous) >= 0.5 * abs(annualTarget)
  }

  static func textColumnName(_ form: Form, _ field: FreeTextField) -> String {
    if let name = form.textColumns[field] { return name }
    return switch field {
    case .kendala: "Kendala"
    case .faktorPendorong: "Faktor Pendorong"
    case .tindakLanjut: "Tindak Lanjut"
    case .buktiDukung: "Bukti Dukung"
    case .keterangan: "Keterangan"
    }
  }

  /// The capaian to date (*s.d.* the period) the explanation check looks at.
  static func achievementToDate(
    _ indicator: IndicatorDefinition, _ merged: MergedValues, _ period: Quarter, _ rules: MeasurementRules
  ) -> Double? {
    merged.measurement(of: indicator, through: period, rules: rules).yearToDate?.achievement
  }
}
