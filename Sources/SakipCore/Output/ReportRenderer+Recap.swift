extension ReportRenderer {
  /// The JSON of SPEC §8.1 for a recap: `indicators` with their periods, annual progress,
  /// budget and text, then `sections`, `findings`, `inputs` as for validation.
  public func json(_ recap: Recap) -> JSONValue {
    .object(recapMembers(recap).map { ($0, $1.value) })
  }

  /// Writes the recap's JSON (the bytes of `json(recap).rendered()`) beside `path`, one
  /// indicator at a time, handing the file a buffer of about `chunkSize` bytes at a time;
  /// `commit()` puts it in place. Takes only values, so it can run beside the workbook writer.
  public func stageJSON(_ recap: Recap, to path: String, chunkSize: Int = 1 << 20) throws(SakipError) -> AtomicFile.Staged {
    let members = recapMembers(recap)
    return try AtomicFile.stage(to: path) { (file: inout AtomicFile.Writer) throws(SakipError) in
      var json = JSONWriter(capacity: chunkSize + chunkSize / 4)
      try json.writeDocument(members) { (json: inout JSONWriter) throws(SakipError) in
        guard json.bytes.count >= chunkSize else { return }
        try file.write(json.bytes)
        json.removeAll()
      }
      try file.write(json.bytes)
    }
  }

  /// The recap document's members, its indicators made one at a time.
  func recapMembers(_ recap: Recap) -> [(String, JSONWriter.Member)] {
    let definitions = recap.definitions.indicators
    let measurements = recap.measurements
    return documentMembers(
      recap.report,
      indicators: .objects(count: definitions.count) {
        indicatorMembers(definitions[$0], measurements[$0], texts: recap.texts(at: $0))
      })
  }

  /// One indicator's object, with the free text its section wrote.
  func indicatorMembers(_ d: IndicatorDefinition, _ m: IndicatorMeasurement, texts: FreeTexts) -> JSONValue.Members {
    let text: JSONValue = .object(
      [FreeTextField.kendala, .faktorPendorong, .tindakLanjut, .buktiDukung, .keterangan].map {
        ($0.rawValue, texts[$0].map(JSONValue.string) ?? .null)
      })
    return [
      ("code", .string(d.code.rawValue)),
      ("section", .string(d.section)),
      ("level", d.level.map { .string($0.rawValue) } ?? .null),
      ("unit", .string(d.unit)),
      ("polarity", .string(d.polarity.rawValue)),
      ("aggregation", .string(d.aggregation.rawValue)),
      ("qualitative", .bool(d.isQualitative)),
      ("periods", .object(m.periods.map { ($0.period.key, periodJSON($0)) })),
      ("annual", annualJSON(m.annual)),
      ("budget", m.budget.map(budgetJSON) ?? .null),
      ("text", text),
    ]
  }

  func periodJSON(_ p: PeriodMeasure) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("target", p.targetText.map(JSONValue.string) ?? .number(p.target)),
      ("realisation", p.realisationText.map(JSONValue.string) ?? .number(p.realisation)),
      ("achievement", .number(p.achievement)),
      ("category", p.category.map { .string($0.rawValue) } ?? .null),
      ("missing", .array(p.missing.map { .string($0.key) })),
    ]
    if let status = p.qualitative { members.append(("status", .string(status.rawValue))) }
    if let reason = p.reason, p.qualitative == nil { members.append(("reason", .string(reason.englishText))) }
    if let note = p.note { members.append(("note", .string(note.englishText))) }
    return .object(members)
  }

  func annualJSON(_ a: AnnualProgress) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("target", a.targetText.map(JSONValue.string) ?? .number(a.target)),
      ("realisation", a.realisationText.map(JSONValue.string) ?? .number(a.realisation)),
      ("progress", .number(a.progress)),
    ]
    if let status = a.qualitative { members.append(("status", .string(status.rawValue))) }
    if a.progress == nil, a.qualitative == nil {
      members.append(("missing", .array(a.missing.map { .string($0.key) })))
      if let reason = a.reason { members.append(("reason", .string(reason.englishText))) }
    }
    return .object(members)
  }

  func budgetJSON(_ b: BudgetFigures) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("ceiling", .number(b.ceiling)),
      ("quarters", .object(b.byQuarter.sorted { $0.key < $1.key }.map { ($0.key.key, .number($0.value)) })),
      ("to_date", .number(b.toDate)),
      ("absorption", .number(b.absorption)),
      ("remaining", .number(b.remaining)),
      ("efficiency", .number(b.efficiency)),
      ("missing", .array(b.missing.map { .string($0.key) })),
    ]
    if let reason = b.reason { members.append(("reason", .string(reason.englishText))) }
    return .object(members)
  }
}

extension ReportRenderer {
  /// What `sakip recap` prints: where the outputs are, the categories, what is incomplete.
  public func recapSummary(_ outcome: RecapOutcome, workbook: String, json: String?) -> String {
    let recap = outcome.recap
    let report = recap.report
    let summary = recap.summary
    var out = ""
    let year = report.year.map { " \($0)" } ?? ""
    out += isID
      ? "Rekapitulasi capaian kinerja — \(report.period.label)\(year): \(report.definitions.indicators.count) indikator, \(report.inputs.count - 1) formulir\n"
      : "Performance recap — \(report.period.label)\(year): \(report.definitions.indicators.count) indicators, \(report.inputs.count - 1) forms\n"
    out += isID ? "Kategori capaian s.d. \(report.period.label):\n" : "Achievement categories to \(report.period.label):\n"
    for category in AchievementCategory.allCases {
      out += "  \(category.rawValue.padding(toLength: 14)) \(summary.count(of: category))\n"
    }
    out += isID
      ? "  Kualitatif: \(summary.achieved) tercapai, \(summary.notAchieved) tidak tercapai; belum lengkap: \(summary.incomplete); tidak dapat diukur: \(summary.notMeasurable)\n"
      : "  Qualitative: \(summary.achieved) achieved, \(summary.notAchieved) not achieved; incomplete: \(summary.incomplete); not measurable: \(summary.notMeasurable)\n"
    out += isID
      ? "Temuan validasi: \(report.errorCount) kesalahan, \(report.warningCount) peringatan (lembar Validasi; rinci dengan sakip validate)\n"
      : "Validation findings: \(report.errorCount) errors, \(report.warningCount) warnings (sheet Validasi; details with sakip validate)\n"
    if outcome.written {
      out += (isID ? "Buku kerja: " : "Workbook: ") + workbook + "\n"
      if let json { out += "JSON: \(json)\n" }
    } else {
      out += isID
        ? "Rekap TIDAK ditulis (--strict): perbaiki \(report.errorCount) kesalahan lebih dulu.\n"
        : "Recap NOT written (--strict): fix the \(report.errorCount) errors first.\n"
    }
    return out
  }
}
