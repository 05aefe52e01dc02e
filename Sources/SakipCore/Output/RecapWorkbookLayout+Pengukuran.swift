import SakipXLSX

/// The columns of `Pengukuran` at a reporting quarter.
struct MeasurementColumns {
  static let code = 0, level = 1, wording = 2, unit = 3, polarity = 4, aggregation = 5
  static let section = 6, annualTarget = 7

  /// Target and realisation columns of each quarter up to the period.
  let quarters: [(quarter: Quarter, target: Int, realisation: Int)]
  /// Target, realisation and capaian columns of S1, S2 (when reported) and the year to date.
  let periods: [(period: MeasurementPeriod, target: Int, realisation: Int, achievement: Int)]
  let category: Int, progress: Int, notes: Int, obstacles: Int, followUp: Int, evidence: Int
  var count: Int { evidence + 1 }

  init(through period: Quarter) {
    var col = Self.annualTarget + 1
    var quarters: [(Quarter, Int, Int)] = []
    for q in period.throughThis {
      quarters.append((q, col, col + 1))
      col += 2
    }
    var periods: [(MeasurementPeriod, Int, Int, Int)] = []
    for p in MeasurementPeriod.reported(through: period) {
      if case .quarter = p { continue }
      periods.append((p, col, col + 1, col + 2))
      col += 3
    }
    self.quarters = quarters
    self.periods = periods
    (category, progress, notes, obstacles, followUp, evidence) = (
      col, col + 1, col + 2, col + 3, col + 4, col + 5
    )
  }

  func target(of quarter: Quarter) -> Int? { quarters.first { $0.quarter == quarter }?.target }
  func realisation(of quarter: Quarter) -> Int? {
    quarters.first { $0.quarter == quarter }?.realisation
  }
  var yearToDate: (period: MeasurementPeriod, target: Int, realisation: Int, achievement: Int)? {
    periods.last
  }
}

extension Layout {
  static let measurementHeaderRows = 3...4
  /// Rows kept free under the table for the signature block.
  static let signatureRows = 8

  /// Writes `Pengukuran` (continued on `Pengukuran (2)`… past the row limit) and returns, for
  /// each indicator in order, the cell of its capaian to date when it is a number (for the
  /// `Anggaran` sheet to refer to).
  func writeMeasurement() throws -> [String?] {
    let columns = MeasurementColumns(through: period)
    let fixed: [Int: Double] = [
      MeasurementColumns.wording: 45, MeasurementColumns.section: 24, columns.notes: 35,
      columns.obstacles: 40, columns.followUp: 40, columns.evidence: 35,
    ]
    let table = try SplitTable(
      workbook: workbook, name: "Pengukuran", rowLimit: rowLimit, trailerRows: Self.signatureRows,
      sizeEarly: early(measurementLabels(columns), fixed), rowCount: recap.measurements.count,
      prepare: { cursor, rows in
        try filterAndColour(
          cursor, headerRow: Self.measurementHeaderRows.upperBound, columns: columns.count, rows: rows,
          achievements: columns.periods.map(\.achievement) + [columns.progress])
      }
    ) { cursor, number in
      try startTable(cursor, headerRows: Self.measurementHeaderRows, frozenColumns: MeasurementColumns.wording + 1)
      try writeTitle(cursor, "Pengukuran kinerja", number: number)
      try cursor.text(legend, 2, 0, CellStyle(isItalic: true), measure: false)
      try writeMeasurementHeader(cursor, columns)
      return Self.measurementHeaderRows.upperBound + 1
    }
    var capaianCells: [String?] = []
    capaianCells.reserveCapacity(recap.measurements.count)
    for (definition, measurement) in recap.rows {
      let (cursor, row) = try table.nextRow()
      capaianCells.append(
        try writeMeasurementRow(cursor, row, definition, measurement, columns))
    }
    if let last = table.last { try writeSignature(last.cursor, below: last.endRow, columns: columns) }
    try finishTable(table, columns: columns.count, fixed: fixed)
    return capaianCells
  }

  /// What the numbers mean and which colour is which category, from the rules in force.
  var legend: String {
    let t = recap.rules.thresholds
    let n = { (x: Double) in Ref.literal(x).replacingOccurrences(of: ".", with: ",") }
    var text =
      "Capaian dan progres dalam persen (95,50 = 95,50%). Kategori: Sangat Tinggi ≥ \(n(t.veryHigh)); "
      + "Tinggi ≥ \(n(t.high)); Sedang ≥ \(n(t.medium)); Rendah ≥ \(n(t.low)); Sangat Rendah < \(n(t.low))."
    if recap.rules.negativeFormula == .ratio { text += " Indikator negatif: T/R×100." }
    if let cap = recap.rules.cap { text += " Capaian dibatasi \(n(cap))." }
    return text
  }

  /// The column headers of `Pengukuran`, in column order.
  func measurementLabels(_ columns: MeasurementColumns) -> [String] {
    var labels = [
      "Kode", "Level", "Indikator", "Satuan", "Polaritas", "Agregasi", "Penanggung jawab",
      "Target tahunan",
    ]
    for q in columns.quarters {
      labels += ["Target \(q.quarter.label)", "Realisasi \(q.quarter.label)"]
    }
    for p in columns.periods {
      let short = Labels.periodShort(p.period)
      labels += ["Target \(short)", "Realisasi \(short)", "Capaian \(short) (%)"]
    }
    return labels + [
      "Kategori", "Progres terhadap target tahunan (%)", "Catatan pengukuran", "Kendala",
      "Tindak lanjut", "Bukti dukung",
    ]
  }

  private func writeMeasurementHeader(_ cursor: SheetCursor, _ columns: MeasurementColumns) throws {
    let groupRow = Self.measurementHeaderRows.lowerBound
    let groups: [(String, Int, Int)] =
      [("Indikator kinerja", 0, MeasurementColumns.annualTarget)]
      + columns.quarters.map { ($0.quarter.label, $0.target, $0.realisation) }
      + columns.periods.map { (Labels.period($0.period), $0.target, $0.achievement) }
      + [("Hasil dan keterangan", columns.category, columns.evidence)]
    for (text, from, to) in groups {
      try cursor.sheet.merge(
        CellRange(firstRow: groupRow, firstCol: from, lastRow: groupRow, lastCol: to), text: text,
        style: Styles.group)
    }
    try writeHeader(cursor, measurementLabels(columns), row: Self.measurementHeaderRows.upperBound)
  }

  private func writeMeasurementRow(
    _ cursor: SheetCursor, _ row: Int, _ d: IndicatorDefinition, _ m: IndicatorMeasurement,
    _ columns: MeasurementColumns
  ) throws -> String? {
    typealias C = MeasurementColumns
    try cursor.text(d.code.rawValue, row, C.code)
    try cursor.text(Labels.level(d.level), row, C.level)
    try cursor.text(d.wording, row, C.wording, Styles.wrapped)
    try cursor.text(d.unit, row, C.unit)
    try cursor.text(d.polarity.rawValue, row, C.polarity)
    try cursor.text(d.aggregation.rawValue, row, C.aggregation)
    try cursor.text(d.section, row, C.section, Styles.wrapped)
    switch d.annualTarget {
    case .number(let n): try cursor.number(n, row, C.annualTarget, Styles.number(n))
    case .grade(let g): try cursor.text(g, row, C.annualTarget)
    }

    for q in columns.quarters {
      let measure = m.measure(of: .quarter(q.quarter))
      try writeTarget(cursor, row, q.target, d, .quarter(q.quarter), measure, formula: nil)
      if let r = measure?.realisation {
        try cursor.number(r, row, q.realisation, Styles.number(r))
      } else if let text = measure?.realisationText {
        try cursor.text(text, row, q.realisation)
      } else {
        let reason = measure?.reason
        let text: String =
          if case .notReported? = reason { "belum dilaporkan" } else { reason.map(Labels.short) ?? "" }
        try cursor.text(text, row, q.realisation, Styles.reason)
      }
    }

    var capaianCell: String?
    for p in columns.periods {
      let measure = m.measure(of: p.period)
      let needed = d.quartersNeeded(for: p.period)
      let targetFormula: String? =
        d.quarterTargets.isEmpty
        ? Ref.cell(row, C.annualTarget)
        : Ref.aggregate(needed.compactMap { columns.target(of: $0).map { Ref.cell(row, $0) } }, d.aggregation)
      try writeTarget(cursor, row, p.target, d, p.period, measure, formula: targetFormula)

      if let r = measure?.realisation,
        let formula = Ref.aggregate(
          needed.compactMap { columns.realisation(of: $0).map { Ref.cell(row, $0) } }, d.aggregation)
      {
        try cursor.formula(formula, cached: r, row, p.realisation, Styles.number(r))
      } else if let text = measure?.realisationText {
        try cursor.text(text, row, p.realisation)
      } else {
        try cursor.text(measure?.reason.map(Labels.short) ?? "", row, p.realisation, Styles.reason)
      }

      if let a = measure?.achievement, let t = measure?.target {
        let formula = Ref.achievement(
          target: Ref.cell(row, p.target), realisation: Ref.cell(row, p.realisation),
          targetValue: t, polarity: d.polarity, rules: recap.rules)
        try cursor.formula(formula, cached: a, row, p.achievement, Styles.percent)
        if case .yearToDate = p.period { capaianCell = Ref.external(cursor.name, row, p.achievement) }
      } else if let status = measure?.qualitative {
        try cursor.text(status.rawValue, row, p.achievement, Styles.qualitative(status))
      } else {
        try cursor.text(measure?.reason.map(Labels.short) ?? "", row, p.achievement, Styles.reason)
      }
    }

    let toDate = m.yearToDate
    if let category = toDate?.category {
      try cursor.text(category.rawValue, row, columns.category, Styles.category(category))
    } else if let status = toDate?.qualitative {
      try cursor.text("kualitatif: \(status.rawValue)", row, columns.category, Styles.qualitative(status))
    } else {
      try cursor.text(toDate?.reason.map(Labels.short) ?? "", row, columns.category, Styles.reason)
    }

    if let progress = m.annual.progress, let target = m.annual.target, let ytd = columns.yearToDate {
      let formula = Ref.achievement(
        target: Ref.cell(row, C.annualTarget), realisation: Ref.cell(row, ytd.realisation),
        targetValue: target, polarity: d.polarity, rules: recap.rules)
      try cursor.formula(formula, cached: progress, row, columns.progress, Styles.percent)
    } else if let status = m.annual.qualitative {
      try cursor.text(status.rawValue, row, columns.progress, Styles.qualitative(status))
    } else {
      try cursor.text(m.annual.reason.map(Labels.short) ?? "", row, columns.progress, Styles.reason)
    }

    try cursor.text(notes(m), row, columns.notes, Styles.wrapped, measure: false)
    let texts = recap.texts(of: d.code)
    try cursor.text(texts[.kendala] ?? "", row, columns.obstacles, Styles.wrapped, measure: false)
    try cursor.text(texts[.tindakLanjut] ?? "", row, columns.followUp, Styles.wrapped, measure: false)
    try cursor.text(texts[.buktiDukung] ?? "", row, columns.evidence, Styles.wrapped, measure: false)
    return capaianCell
  }

  /// A period's target: a number (a formula over the quarter targets or the annual target
  /// when `formula` is given), the grade of a qualitative indicator, or why there is none.
  private func writeTarget(
    _ cursor: SheetCursor, _ row: Int, _ col: Int, _ d: IndicatorDefinition,
    _ period: MeasurementPeriod, _ measure: PeriodMeasure?, formula: String?
  ) throws {
    if let t = measure?.target {
      if let formula {
        try cursor.formula(formula, cached: t, row, col, Styles.number(t))
      } else {
        try cursor.number(t, row, col, Styles.number(t))
      }
    } else if let text = measure?.targetText {
      try cursor.text(text, row, col)
    } else {
      let reason = PeriodValue.target(of: d, over: period).reason
      try cursor.text(reason.map(Labels.short) ?? "", row, col, Styles.reason)
    }
  }

  /// Why figures are missing or not the plain formula's result, in full words.
  private func notes(_ m: IndicatorMeasurement) -> String {
    var notes: [String] = []
    for p in m.periods {
      if let note = p.note { notes.append("\(Labels.period(p.period)): \(note.indonesianText)") }
    }
    if let toDate = m.yearToDate, let reason = toDate.reason, toDate.qualitative == nil,
      reason != .qualitative
    {
      notes.append("\(Labels.period(toDate.period)): \(reason.indonesianText)")
    }
    if let note = m.annual.note { notes.append("Progres: \(note.indonesianText)") }
    return notes.joined(separator: "; ")
  }

  /// The signature block under the table (`--signer`): place and date, position, room to
  /// sign, name, NIP — the NIP as text, never a number.
  private func writeSignature(_ cursor: SheetCursor, below endRow: Int, columns: MeasurementColumns) throws {
    guard let signer = recap.signer else { return }
    let col = columns.obstacles
    let row = endRow + 1
    try cursor.text("…………………, \(Labels.date(context.now))", row, col, CellStyle(), measure: false)
    try cursor.text(signer.position, row + 1, col, CellStyle(isBold: true), measure: false)
    try cursor.text(signer.name, row + 5, col, CellStyle(isBold: true), measure: false)
    if !signer.nip.isEmpty {
      try cursor.text("NIP \(signer.nip)", row + 6, col, CellStyle(), measure: false)
    }
  }
}
