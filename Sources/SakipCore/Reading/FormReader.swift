import SakipCSV
import SakipXLSX

/// Reads one returned form from CSV records (SPEC §3), reporting what is malformed in it.
public struct FormReader: Sendable {
  public var file: String
  public var decimalMark: DecimalMark
  /// The quarter a bare `Realisasi` column means when the title block names none.
  public var defaultPeriod: Quarter?

  public init(file: String, decimalMark: DecimalMark, defaultPeriod: Quarter?) {
    self.file = file
    self.decimalMark = decimalMark
    self.defaultPeriod = defaultPeriod
  }

  public func read(_ records: [CSVRecord], definitions: IndicatorDefinitions) -> (Form, [Finding]) {
    var form = Form(file: file)
    form.decimalMark = decimalMark
    var findings: [Finding] = []

    guard let headerIndex = records.firstIndex(where: { $0.fields.contains(where: HeaderMatcher.isCodeHeader) })
    else {
      let title = TitleBlock(rows: records.map { ($0.fields, $0.line) })
      form.section = title.section
      findings.append(
        Finding(.noHeader, at: SourceLocation(file: file, line: records.first?.line),
          section: title.section.flatMap(definitions.section(named:)) ?? title.section, .headerMissing))
      return (form, findings)
    }
    let title = TitleBlock(rows: records[..<headerIndex].map { ($0.fields, $0.line) })
    form.section = title.section
    form.year = title.year
    form.period = title.period
    form.metadata = title.metadata
    let header = records[headerIndex]
    form.headerLine = header.line
    let formSection = title.section.flatMap(definitions.section(named:)) ?? title.section

    // Columns.
    var codeColumn = 0
    var roles: [(index: Int, name: String, role: FormColumnRole)] = []
    for (i, raw) in header.fields.enumerated() {
      let name = raw.trimmed
      guard let role = HeaderMatcher.formRole(of: name) else { continue }
      if case .code = role, roles.contains(where: { if case .code = $0.role { true } else { false } }) {
        continue
      }
      roles.append((i, name, role))
      switch role {
      case .code: codeColumn = i
      case .realisation(let q): form.realisationColumns[q ?? period(form)] = form.realisationColumns[q ?? period(form)] ?? name
      case .budgetRealisation(let q): form.budgetColumns[q ?? period(form)] = form.budgetColumns[q ?? period(form)] ?? name
      case .text(let field): form.textColumns[field] = form.textColumns[field] ?? name
      case .unit: form.unitColumn = name
      case .annualTarget: form.targetColumn = name
      default: break
      }
    }
    let width = header.fields.count
    let parser = NumberParser(decimalMark: decimalMark)
    var seen: [IndicatorCode: Int] = [:]

    for record in records[(headerIndex + 1)...] {
      let fields = record.fields
      if fields.allSatisfy({ $0.trimmed.isEmpty }) || Self.isColumnNumberRow(fields) { continue }
      func text(_ i: Int) -> String { i < fields.count ? fields[i].trimmed : "" }
      let codeText = text(codeColumn)
      let definition = codeText.isEmpty ? nil : definitions[IndicatorCode(codeText)]
      let section = definition?.section ?? formSection
      func location(_ i: Int, _ name: String) -> SourceLocation {
        SourceLocation(file: file, line: record.line(ofField: i), column: name)
      }

      // Cells beyond the header.
      if fields.count > width,
        let extra = fields.indices.dropFirst(width).first(where: { !fields[$0].trimmed.isEmpty })
      {
        findings.append(
          Finding(.extraCells, at: location(extra, CellAddress.columnName(extra)), section: section,
            indicator: codeText.isEmpty ? nil : IndicatorCode(codeText), .extraCells(text(extra))))
      }

      guard !codeText.isEmpty else {
        // A heading, subtotal or signature line, unless it carries a number in a value column.
        for column in roles {
          switch column.role {
          case .realisation, .budgetRealisation:
            let t = text(column.index)
            if case .number = parser.parse(t) {
              findings.append(
                Finding(.orphanValue, at: location(column.index, column.name), section: formSection,
                  .orphanValue(t)))
            }
          default: continue
          }
        }
        continue
      }
      let code = IndicatorCode(codeText)
      if let first = seen[code] {
        findings.append(
          Finding(.duplicateCode, at: location(codeColumn, header.fields[codeColumn].trimmed),
            section: section, indicator: code, .codeDuplicate(firstLine: first)))
        continue
      }
      seen[code] = record.line
      guard let definition else {
        findings.append(
          Finding(.unknownCode, at: location(codeColumn, header.fields[codeColumn].trimmed),
            section: formSection, indicator: code,
            .codeUnknown(suggestion: definitions.nearestCode(to: code))))
        continue
      }

      var row = FormRow(code: code, line: record.line)
      for column in roles {
        let t = text(column.index)
        switch column.role {
        case .realisation(let q), .budgetRealisation(let q):
          let quarter = q ?? period(form)
          var cell = ReportedCell(
            quarter: quarter, value: .notReported, column: column.name,
            line: record.line(ofField: column.index))
          let isBudget: Bool = if case .budgetRealisation = column.role { true } else { false }
          if definition.isQualitative && !isBudget {
            cell.value = NumberParser.isNotReported(t) ? .notReported : .text(t)
          } else {
            switch parser.parse(t) {
            case .notReported: break
            case .number(let n, _): cell.value = .number(n)
            case .invalid(let problem):
              cell.isInvalid = true
              findings.append(
                Finding(.invalidNumber, at: location(column.index, column.name), section: section,
                  indicator: code, .notNumber(t, problem, decimalMark)))
            }
          }
          if isBudget { row.budget.append(cell) } else { row.realisations.append(cell) }
        case .text(let field):
          if !t.isEmpty, row.texts[field] == nil { row.texts[field] = t }
        case .unit:
          if !t.isEmpty { row.unit = t }
        case .annualTarget:
          if !t.isEmpty { row.targetText = t }
        case .code, .wording, .quarterTarget:
          continue
        }
      }
      form.rows.append(row)
    }
    // Without a `Unit Kerja` in the title block, the form belongs to the section of most of its
    // codes; findings that had no section get it, so they reach that section's return note.
    if formSection == nil,
      let majority = Validator.mostCommon(form.rows.compactMap { definitions.section(of: $0.code) })
    {
      for i in findings.indices where findings[i].section == nil { findings[i].section = majority }
    }
    return (form, findings)
  }

  /// The title block above the header row (or above everything, when there is no header).
  static func titleBlock(of records: [CSVRecord]) -> TitleBlock {
    let end = records.firstIndex(where: { $0.fields.contains(where: HeaderMatcher.isCodeHeader) }) ?? records.endIndex
    return TitleBlock(rows: records[..<end].map { ($0.fields, $0.line) })
  }

  private func period(_ form: Form) -> Quarter {
    form.period?.value ?? defaultPeriod ?? .first
  }

  /// A row of column numbers under the header (`1;2;3;…`), as many Indonesian forms have.
  static func isColumnNumberRow(_ fields: [String]) -> Bool {
    let cells = fields.map(\.trimmed).filter { !$0.isEmpty }
    guard cells.count >= 3 else { return false }
    return cells.enumerated().allSatisfy { Int($0.element) == $0.offset + 1 }
  }
}
