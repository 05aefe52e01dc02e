/// Renders a validation report as the text people read and the JSON of SPEC §8.1.
public struct ReportRenderer: Sendable {
  public var catalog: MessageCatalog
  public var context: RunContext

  public init(context: RunContext) {
    self.context = context
    self.catalog = MessageCatalog(language: context.language)
  }

  var isID: Bool { context.language == .indonesian }

  /// One finding on one line as an editor would point at it: `file:line, kolom "X", CODE`.
  public func location(_ finding: Finding) -> String {
    var parts: [String] = []
    if let file = finding.location.file {
      parts.append(file + (finding.location.line.map { ":\($0)" } ?? ""))
    }
    if let column = finding.location.column {
      parts.append((isID ? "kolom \"" : "column \"") + column + "\"")
    }
    if let code = finding.indicator { parts.append(code.rawValue) }
    return parts.joined(separator: ", ")
  }

  public func stateLabel(_ state: SectionStatus.State) -> String {
    switch (state, isID) {
    case (.complete, true): "lengkap"
    case (.incomplete, true): "belum lengkap"
    case (.noForm, true): "belum mengirim formulir"
    case (.complete, false): "complete"
    case (.incomplete, false): "incomplete"
    case (.noForm, false): "no form returned"
    }
  }

  public func text(_ report: ValidationReport) -> String {
    var out = ""
    let year = report.year.map { " \($0)" } ?? ""
    out += isID
      ? "Validasi formulir capaian kinerja — \(report.period.label)\(year)\n"
      : "Validation of performance forms — \(report.period.label)\(year)\n"
    if let definitions = report.inputs.first {
      out += isID
        ? "Definisi indikator: \(definitions.file) (\(report.definitions.indicators.count) indikator, \(report.definitions.sections.count) unit kerja)\n"
        : "Indicator definitions: \(definitions.file) (\(report.definitions.indicators.count) indicators, \(report.definitions.sections.count) sections)\n"
    }
    out += isID ? "Formulir dibaca: \(report.inputs.count - 1)\n" : "Forms read: \(report.inputs.count - 1)\n"
    for input in report.inputs.dropFirst() {
      let dialect = [input.encoding, input.delimiter.map { isID ? "pemisah '\($0)'" : "delimiter '\($0)'" }]
        .compactMap { $0 }.joined(separator: ", ")
      out += "  \(input.file)" + (dialect.isEmpty ? "" : "  (\(dialect))") + "\n"
    }
    out += "\n"

    var currentGroup: String?? = .none
    for finding in report.findings {
      let group = finding.code == .invalidDefinition ? (isID ? "Definisi indikator" : "Indicator definitions") : finding.section
      if currentGroup != .some(group) {
        currentGroup = .some(group)
        out += "== \(group ?? (isID ? "Tanpa unit kerja" : "No section")) ==\n"
      }
      let place = location(finding)
      out += "  \(catalog.severityLabel(finding.severity))  \(place.isEmpty ? "" : place + " ")[\(finding.code.rawValue)]\n"
      out += "    \(catalog.text(finding))\n"
    }
    if !report.findings.isEmpty { out += "\n" }

    out += isID ? "Kelengkapan per unit kerja:\n" : "Completeness per section:\n"
    let width = report.sections.map(\.name.count).max() ?? 0
    for section in report.sections {
      let name = section.name.padding(toLength: width)
      let counts = isID
        ? "\(section.reported)/\(section.assigned) indikator lengkap, \(section.errors) kesalahan, \(section.warnings) peringatan"
        : "\(section.reported)/\(section.assigned) indicators complete, \(section.errors) errors, \(section.warnings) warnings"
      out += "  \(name)  \(stateLabel(section.state).padding(toLength: isID ? 23 : 16))  \(counts)\n"
    }
    out += "\n"
    out += summaryLine(report) + "\n"
    return out
  }

  public func summaryLine(_ report: ValidationReport) -> String {
    let e = report.errorCount
    let w = report.warningCount
    if isID {
      return e == 0
        ? "Hasil: semua formulir dapat direkap (\(w) peringatan untuk diperiksa)."
        : "Hasil: \(e) kesalahan harus diperbaiki dan \(w) peringatan perlu diperiksa. Kembalikan formulir ke unit kerja (gunakan --notes DIR untuk catatan pengembalian)."
    }
    return e == 0
      ? "Result: every form can be recapped (\(w) warnings to look at)."
      : "Result: \(e) errors must be fixed and \(w) warnings looked at. Return the forms to their sections (use --notes DIR for return notes)."
  }

  // MARK: JSON

  /// The JSON of SPEC §8.1 for a validation: `sections`, `findings`, `inputs`.
  public func json(_ report: ValidationReport) -> JSONValue {
    .object(documentMembers(report, indicators: nil).map { ($0, $1.value) })
  }

  /// The members of the JSON document in SPEC §8.1's order; `indicators` only for a recap. The
  /// long lists are made one element at a time as they are written.
  func documentMembers(_ report: ValidationReport, indicators: JSONWriter.Member?) -> [(String, JSONWriter.Member)] {
    var members: [(String, JSONWriter.Member)] = [
      ("tool", .value(.string("sakip"))),
      ("version", .value(.string(context.programVersion))),
      ("year", .value(report.year.map { .finite(Double($0)) } ?? .null)),
      ("period", .value(.string(report.period.key))),
    ]
    if let indicators { members.append(("indicators", indicators)) }
    members += [
      ("sections", .objects(count: report.sections.count) { sectionMembers(report.sections[$0]) }),
      ("findings", .objects(count: report.findings.count) { findingMembers(report.findings[$0]) }),
      ("inputs", .objects(count: report.inputs.count) { inputMembers(report.inputs[$0]) }),
    ]
    return members
  }

  func sectionMembers(_ s: SectionStatus) -> JSONValue.Members {
    [
      ("name", .string(s.name)),
      ("forms", .array(s.forms.map(JSONValue.string))),
      ("assigned", .finite(Double(s.assigned))),
      ("reported", .finite(Double(s.reported))),
      ("missing_values", .finite(Double(s.missingValues))),
      ("status", .string(s.state.rawValue)),
    ]
  }

  public func findingJSON(_ f: Finding) -> JSONValue { .object(findingMembers(f)) }

  func findingMembers(_ f: Finding) -> JSONValue.Members {
    [
      ("severity", .string(f.severity.rawValue)),
      ("check", .string(f.code.rawValue)),
      ("section", f.section.map(JSONValue.string) ?? .null),
      ("file", f.location.file.map(JSONValue.string) ?? .null),
      ("line", f.location.line.map { .finite(Double($0)) } ?? .null),
      ("column", f.location.column.map(JSONValue.string) ?? .null),
      ("code", f.indicator.map { .string($0.rawValue) } ?? .null),
      ("message", .string(catalog.text(f))),
    ]
  }

  func inputMembers(_ s: SourceSummary) -> JSONValue.Members {
    [
      ("file", .string(s.file)),
      ("bytes", .finite(Double(s.bytes))),
      ("sha256", .string(s.sha256)),
      ("encoding", s.encoding.map(JSONValue.string) ?? .null),
      ("delimiter", s.delimiter.map { .string($0 == "\\t" ? "\t" : $0) } ?? .null),
      ("rows", .finite(Double(s.rows))),
    ]
  }
}

extension String {
  func padding(toLength length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }
}
