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

/// Where each indicator's capaian to date is on `Pengukuran`, for `Anggaran` to refer to:
/// worked out from the sheets' planned rows when asked, nothing kept per indicator.
struct CapaianCells: Sendable {
  /// Each sheet of the table as a reference prefix (`'Pengukuran (2)'!`) with its data rows.
  private let pages: [(prefix: String, rows: Range<Int>)]
  /// The column of the capaian to date; nil when the table has none.
  private let col: Int?
  /// Whether the indicator at an index has a capaian to date.
  private let hasCapaian: @Sendable (Int) -> Bool

  /// The table's sheets by name with their planned data rows, one row per indicator in order.
  init(pages: [(sheet: String, rows: Range<Int>)], col: Int?, hasCapaian: @escaping @Sendable (Int) -> Bool) {
    self.pages = pages.map { (Ref.sheetPrefix($0.sheet), $0.rows) }
    self.col = col
    self.hasCapaian = hasCapaian
  }

  /// Appends `'Pengukuran'!$Z$6`, the capaian cell of the indicator at `index`, to `text`;
  /// returns false, appending nothing, when it has none.
  func appendReference(of index: Int, to text: inout String) -> Bool {
    guard let col, index >= 0, hasCapaian(index) else { return false }
    var remaining = index
    for page in pages {
      if remaining < page.rows.count {
        text += page.prefix
        CellAddress(row: page.rows.lowerBound + remaining, col: col).appendA1(to: &text, absolute: true)
        return true
      }
      remaining -= page.rows.count
    }
    return false
  }
}

extension Layout {
  static let measurementHeaderRows = 3...4
  /// Rows kept free under the table for the signature block.
  static let signatureRows = 8

  /// Creates `Pengukuran` (continued on `Pengukuran (2)`… past the row limit) with its top
  /// rows; returns the table's rows and signature block, still to be written, and for each
  /// indicator in order the cell of its capaian to date when it is a number (for the
  /// `Anggaran` sheet to refer to).
  func openMeasurement() throws -> (table: PendingTable, capaianCells: CapaianCells) {
    let columns = MeasurementColumns(through: period)
    let fixed: [Int: Double] = [
      MeasurementColumns.wording: 45, MeasurementColumns.section: 24, columns.notes: 35,
      columns.obstacles: 40, columns.followUp: 40, columns.evidence: 35,
    ]
    let indicators = recap.definitions.indicators
    let measurements = recap.measurements
    let count = indicators.count
    let table = try SplitTable(
      workbook: workbook, cursor: cursor, name: "Pengukuran", rowLimit: rowLimit,
      trailerRows: Self.signatureRows,
      sizeEarly: early(measurementLabels(columns), fixed), rowCount: count,
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
    let capaianCells = CapaianCells(
      pages: table.pages.map { ($0.cursor.name, $0.plannedRows) }, col: columns.yearToDate?.achievement,
      hasCapaian: { [recap] in recap.hasAchievementToDate(at: $0) })
    let rows = { () throws -> Void in
      var formula = Ref.buffer()
      for index in 0..<count {
        let (cursor, row) = try table.nextRow()
        try writeMeasurementRow(
          cursor, row, indicators[index], measurements[index], texts: recap.texts(at: index), columns,
          formula: &formula)
      }
    }
    let finish = { () throws -> Void in
      if let last = table.last { try writeSignature(last.cursor, below: last.endRow, columns: columns) }
      try finishTable(table, columns: columns.count, fixed: fixed)
    }
    return (PendingTable(rows: rows, finish: finish), capaianCells)
  }

  /// Whether a capaian cell holds a formula (`writeAchievement`): the engine gave a value and
  /// the period a target.
  static func hasAchievementFormula(_ measure: PeriodMeasure?) -> Bool {
    measure?.hasAchievementFigure ?? false
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

  /// Writes one indicator's row, with the free text its section wrote. `formula` is the
  /// buffer formulas are built in.
  private func writeMeasurementRow(
    _ cursor: SheetCursor, _ row: Int, _ d: IndicatorDefinition, _ m: IndicatorMeasurement,
    texts: FreeTexts, _ columns: MeasurementColumns, formula: inout String
  ) throws {
    typealias C = MeasurementColumns
    try cursor.text(d.code.rawValue, row, C.code)
    try cursor.text(Labels.level(d.level), row, C.level)
    try cursor.text(d.wording, row, C.wording, styles.wrapped)
    try cursor.text(d.unit, row, C.unit)
    try cursor.text(d.polarity.rawValue, row, C.polarity)
    try cursor.text(d.aggregation.rawValue, row, C.aggregation)
    try cursor.text(d.section, row, C.section, styles.wrapped)
    switch d.annualTarget {
    case .number(let n): try cursor.number(n, row, C.annualTarget, styles.number(n))
    case .grade(let g): try cursor.text(g, row, C.annualTarget)
    }

    for q in columns.quarters {
      let measure = m.measure(of: .quarter(q.quarter))
      try writeTarget(cursor, row, q.target, d, .quarter(q.quarter), measure, formula: nil)
      if let r = measure?.realisation {
        try cursor.number(r, row, q.realisation, styles.number(r))
      } else if let text = measure?.realisationText {
        try cursor.text(text, row, q.realisation)
      } else {
        let reason = measure?.reason
        let text: String =
          if case .notReported? = reason { "belum dilaporkan" } else { reason.map(Labels.short) ?? "" }
        try cursor.text(text, row, q.realisation, styles.reason)
      }
    }

    for p in columns.periods {
      let measure = m.measure(of: p.period)
      let needed = d.quartersNeeded(for: p.period)
      Ref.reset(&formula)
      let hasTargetFormula: Bool
      if d.quarterTargets.isEmpty {
        Ref.appendCell(row, C.annualTarget, to: &formula)
        hasTargetFormula = true
      } else {
        hasTargetFormula = Ref.appendAggregate(
          needed.lazy.compactMap(columns.target(of:)), d.aggregation, to: &formula,
          reference: { Ref.appendCell(row, $1, to: &$0) })
      }
      try writeTarget(
        cursor, row, p.target, d, p.period, measure, formula: hasTargetFormula ? formula : nil)

      Ref.reset(&formula)
      if let r = measure?.realisation,
        Ref.appendAggregate(
          needed.lazy.compactMap(columns.realisation(of:)), d.aggregation, to: &formula,
          reference: { Ref.appendCell(row, $1, to: &$0) })
      {
        try cursor.formula(formula, cached: r, row, p.realisation, styles.number(r))
      } else if let text = measure?.realisationText {
        try cursor.text(text, row, p.realisation)
      } else {
        try cursor.text(measure?.reason.map(Labels.short) ?? "", row, p.realisation, styles.reason)
      }

      try writeAchievement(
        cursor, row, p.achievement, value: measure?.achievement, target: measure?.target,
        targetCol: p.target, realisationCol: p.realisation, d.polarity,
        qualitative: measure?.qualitative, reason: measure?.reason, formula: &formula)
    }

    let toDate = m.yearToDate
    if let category = toDate?.category {
      try cursor.text(category.rawValue, row, columns.category, styles.category(category))
    } else if let status = toDate?.qualitative {
      try cursor.text(
        "kualitatif: \(status.rawValue)", row, columns.category, styles.qualitative(status))
    } else {
      try cursor.text(toDate?.reason.map(Labels.short) ?? "", row, columns.category, styles.reason)
    }

    try writeAchievement(
      cursor, row, columns.progress, value: m.annual.progress,
      target: columns.yearToDate == nil ? nil : m.annual.target, targetCol: C.annualTarget,
      realisationCol: columns.yearToDate?.realisation ?? C.annualTarget, d.polarity,
      qualitative: m.annual.qualitative, reason: m.annual.reason, formula: &formula)

    try cursor.text(notes(m), row, columns.notes, styles.wrapped, measure: false)
    try cursor.text(texts[.kendala] ?? "", row, columns.obstacles, styles.wrapped, measure: false)
    try cursor.text(texts[.tindakLanjut] ?? "", row, columns.followUp, styles.wrapped, measure: false)
    try cursor.text(texts[.buktiDukung] ?? "", row, columns.evidence, styles.wrapped, measure: false)
  }

  /// A capaian or progress cell: the formula over its target and realisation cells with the
  /// engine's value cached (when `hasAchievementFormula`), else the qualitative status, else
  /// why there is no figure.
  private func writeAchievement(
    _ cursor: SheetCursor, _ row: Int, _ col: Int, value: Double?, target: Double?,
    targetCol: Int, realisationCol: Int, _ polarity: Polarity, qualitative: QualitativeStatus?,
    reason: UnmeasuredReason?, formula: inout String
  ) throws {
    if let value, let target {
      Ref.reset(&formula)
      Ref.appendAchievement(
        to: &formula, target: CellAddress(row: row, col: targetCol),
        realisation: CellAddress(row: row, col: realisationCol), targetValue: target,
        polarity: polarity, rules: recap.rules)
      try cursor.formula(formula, cached: value, row, col, styles.percent)
    } else if let qualitative {
      try cursor.text(qualitative.rawValue, row, col, styles.qualitative(qualitative))
    } else {
      try cursor.text(reason.map(Labels.short) ?? "", row, col, styles.reason)
    }
  }

  /// A period's target: a number (a formula over the quarter targets or the annual target
  /// when `formula` is given), the grade of a qualitative indicator, or why there is none.
  private func writeTarget(
    _ cursor: SheetCursor, _ row: Int, _ col: Int, _ d: IndicatorDefinition,
    _ period: MeasurementPeriod, _ measure: PeriodMeasure?, formula: String?
  ) throws {
    if let t = measure?.target {
      if let formula {
        try cursor.formula(formula, cached: t, row, col, styles.number(t))
      } else {
        try cursor.number(t, row, col, styles.number(t))
      }
    } else if let text = measure?.targetText {
      try cursor.text(text, row, col)
    } else {
      let reason = PeriodValue.target(of: d, over: period).reason
      try cursor.text(reason.map(Labels.short) ?? "", row, col, styles.reason)
    }
  }

  /// Why figures are missing or not the plain formula's result, in full words, `; ` between.
  private func notes(_ m: IndicatorMeasurement) -> String {
    var notes = ""
    func add(_ note: String) {
      if !notes.isEmpty { notes += "; " }
      notes += note
    }
    for p in m.periods {
      if let note = p.note { add("\(Labels.period(p.period)): \(note.indonesianText)") }
    }
    if let toDate = m.yearToDate, let reason = toDate.reason, toDate.qualitative == nil,
      reason != .qualitative
    {
      add("\(Labels.period(toDate.period)): \(reason.indonesianText)")
    }
    if let note = m.annual.note { add("Progres: \(note.indonesianText)") }
    return notes
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
