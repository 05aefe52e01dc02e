import SakipXLSX

/// The columns of `Anggaran` at a reporting quarter.
struct BudgetColumns {
  static let code = 0, wording = 1, section = 2, ceiling = 3, firstQuarter = 4

  /// The quarters up to the period, one budget realisation column each from `firstQuarter`.
  let quarters: [Quarter]
  var toDate: Int { Self.firstQuarter + quarters.count }
  var absorption: Int { toDate + 1 }
  var remaining: Int { toDate + 2 }
  var achievement: Int { toDate + 3 }
  var efficiency: Int { toDate + 4 }

  init(through period: Quarter) { quarters = period.throughThis }
}

/// The columns of `E.81` at a reporting quarter: kinerja (K) and rupiah (Rp) side by side.
struct EvaluationColumns {
  static let code = 0, level = 1, wording = 2, unit = 3, targetK = 4, targetRp = 5

  /// The quarters up to the period, a K and an Rp column each.
  let quarters: [Quarter]
  var toDateK: Int { Self.realisationK(quarters.count) }
  var toDateRp: Int { toDateK + 1 }
  var levelK: Int { toDateK + 2 }
  var levelRp: Int { toDateK + 3 }

  init(through period: Quarter) { quarters = period.throughThis }

  /// The K column of the `index`th quarter (its Rp column is the next).
  static func realisationK(_ index: Int) -> Int { 6 + 2 * index }

  /// The indent of a level in the table (program 0, kegiatan 1, subkegiatan 2); nil for the
  /// levels it leaves out.
  static func indent(of level: CascadeLevel?) -> Int? {
    switch level {
    case .program: 0
    case .activity: 1
    case .subActivity: 2
    case .goal, .objective, nil: nil
    }
  }
}

extension Layout {
  static let tableHeaderRows = 3...3

  /// Creates `Anggaran` with its top rows and returns its rows, still to be written: one per
  /// indicator with a *pagu* — pagu, budget realisation per quarter, to date (`SUM`), serapan,
  /// sisa, capaian kinerja to date (a reference to its `Pengukuran` cell) and efisiensi
  /// (capaian − serapan), the computed figures as formulas with the engine's values cached
  /// (SPEC §5.6).
  func openBudget(capaianCells: CapaianCells) throws -> PendingTable {
    let columns = BudgetColumns(through: period)
    let quarters = columns.quarters
    var labels = ["Kode", "Indikator", "Penanggung jawab", "Pagu (Rp)"]
    labels += quarters.map { "Realisasi anggaran \($0.label) (Rp)" }
    labels += [
      "Realisasi anggaran s.d. \(period.label) (Rp)", "Serapan (%)", "Sisa anggaran (Rp)",
      "Capaian kinerja s.d. \(period.label) (%)", "Efisiensi (%)",
    ]
    let fixed: [Int: Double] = [1: 45, 2: 24]
    // The indicators with a pagu, one row each: counted once for the sheets, then written.
    let budgeted = recap.definitions.indicators.indices.filter {
      recap.definitions.indicators[$0].hasBudgetFigures
    }
    let table = try SplitTable(
      workbook: workbook, cursor: cursor, name: "Anggaran", rowLimit: rowLimit,
      sizeEarly: early(labels, fixed),
      rowCount: budgeted.count,
      prepare: { cursor, rows in
        try filterAndColour(
          cursor, headerRow: Self.tableHeaderRows.upperBound, columns: labels.count, rows: rows,
          achievements: [columns.achievement])
      }
    ) {
      cursor, number in
      try startTable(cursor, headerRows: Self.tableHeaderRows, frozenColumns: 2)
      try writeTitle(cursor, "Realisasi anggaran", number: number)
      try cursor.text(
        "Serapan = realisasi s.d. triwulan ÷ pagu × 100; efisiensi = capaian kinerja − serapan (poin persen).",
        2, 0, CellStyle(isItalic: true), measure: false)
      try writeHeader(cursor, labels, row: Self.tableHeaderRows.upperBound)
      return Self.tableHeaderRows.upperBound + 1
    }
    let rows = { () throws -> Void in
      let indicators = recap.definitions.indicators
      let measurements = recap.measurements
      var formula = Ref.buffer()
      for index in budgeted {
        let (cursor, row) = try table.nextRow()
        try writeBudgetRow(
          cursor, row, indicators[index], measurements[index], capaian: index, capaianCells, columns,
          formula: &formula)
      }
    }
    return PendingTable(rows: rows) { try finishTable(table, columns: labels.count, fixed: fixed) }
  }

  /// One indicator's row of `Anggaran`; `capaian` is its place among the `capaianCells`.
  private func writeBudgetRow(
    _ cursor: SheetCursor, _ row: Int, _ d: IndicatorDefinition, _ m: IndicatorMeasurement,
    capaian index: Int, _ capaianCells: CapaianCells, _ columns: BudgetColumns, formula: inout String
  ) throws {
    typealias C = BudgetColumns
    guard let budget = m.budget else { return }
    try cursor.text(d.code.rawValue, row, C.code)
    try cursor.text(d.wording, row, C.wording, styles.wrapped)
    try cursor.text(d.section, row, C.section, styles.wrapped)
    try cursor.number(budget.ceiling, row, C.ceiling, styles.rupiah)
    for (i, q) in columns.quarters.enumerated() {
      if let value = budget.byQuarter[q] {
        try cursor.number(value, row, C.firstQuarter + i, styles.rupiah)
      } else {
        try cursor.text("belum dilaporkan", row, C.firstQuarter + i, styles.reason)
      }
    }
    let incomplete = budget.reason.map(Labels.short) ?? ""
    if let toDate = budget.toDate {
      Ref.reset(&formula)
      formula += "SUM("
      Ref.appendCell(row, C.firstQuarter, to: &formula)
      formula += ":"
      Ref.appendCell(row, columns.toDate - 1, to: &formula)
      formula += ")"
      try cursor.formula(formula, cached: toDate, row, columns.toDate, styles.rupiah)
    } else {
      try cursor.text(incomplete, row, columns.toDate, styles.reason)
    }
    if let absorption = budget.absorption {
      Ref.reset(&formula)
      Ref.appendOperation(row, columns.toDate, "*100/", C.ceiling, to: &formula)
      try cursor.formula(formula, cached: absorption, row, columns.absorption, styles.percent)
    } else {
      try cursor.text(budget.toDate == nil ? incomplete : "pagu 0", row, columns.absorption, styles.reason)
    }
    if let remaining = budget.remaining {
      Ref.reset(&formula)
      Ref.appendOperation(row, C.ceiling, "-", columns.toDate, to: &formula)
      try cursor.formula(formula, cached: remaining, row, columns.remaining, styles.rupiah)
    } else {
      try cursor.text(incomplete, row, columns.remaining, styles.reason)
    }
    let toDate = m.yearToDate
    Ref.reset(&formula)
    if let achievement = toDate?.achievement, capaianCells.appendReference(of: index, to: &formula) {
      try cursor.formula(formula, cached: achievement, row, columns.achievement, styles.percent)
    } else if let status = toDate?.qualitative {
      try cursor.text(status.rawValue, row, columns.achievement, styles.qualitative(status))
    } else {
      try cursor.text(toDate?.reason.map(Labels.short) ?? "", row, columns.achievement, styles.reason)
    }
    if let efficiency = budget.efficiency {
      Ref.reset(&formula)
      Ref.appendOperation(row, columns.achievement, "-", columns.absorption, to: &formula)
      try cursor.formula(formula, cached: efficiency, row, columns.efficiency, styles.percent)
    } else {
      let why = budget.absorption == nil ? incomplete : (toDate?.reason.map(Labels.short) ?? "")
      try cursor.text(why, row, columns.efficiency, styles.reason)
    }
  }

  /// Creates `E.81` with its top rows and returns its rows, still to be written: the
  /// evaluation table of Permendagri 86/2017 (Formulir E.81) for program, kegiatan and
  /// subkegiatan rows — kinerja (K) and rupiah (Rp) side by side: annual target and pagu,
  /// realisation per quarter, to date, and the level reached against the annual target and
  /// the pagu (%), the last two as formulas with the engine's values cached.
  func openEvaluationTable() throws -> PendingTable {
    typealias C = EvaluationColumns
    let columns = EvaluationColumns(through: period)
    let quarters = columns.quarters
    var labels = ["Kode", "Uraian", "Indikator kinerja", "Satuan", "Target tahunan (K)", "Pagu (Rp)"]
    for q in quarters { labels += ["Realisasi \(q.label) (K)", "Realisasi \(q.label) (Rp)"] }
    labels += [
      "Realisasi s.d. \(period.label) (K)", "Realisasi s.d. \(period.label) (Rp)",
      "Tingkat capaian (K) (%)", "Tingkat capaian (Rp) (%)",
    ]
    let groupRow = 3, headerRow = 4
    let fixed: [Int: Double] = [2: 45]
    // The program, kegiatan and subkegiatan rows: counted once for the sheets, then written.
    let evaluated = recap.definitions.indicators.indices.filter {
      C.indent(of: recap.definitions.indicators[$0].level) != nil
    }
    let table = try SplitTable(
      workbook: workbook, cursor: cursor, name: "E.81", rowLimit: rowLimit,
      sizeEarly: early(labels, fixed),
      rowCount: evaluated.count,
      prepare: { cursor, rows in
        try filterAndColour(
          cursor, headerRow: headerRow, columns: labels.count, rows: rows, achievements: [columns.levelK])
      }
    ) { cursor, number in
      try startTable(cursor, headerRows: groupRow...headerRow, frozenColumns: 3)
      try writeTitle(cursor, "Evaluasi terhadap hasil RKPD (Formulir E.81 Permendagri 86/2017)", number: number)
      try cursor.text(
        "K = kinerja, Rp = anggaran. Tingkat capaian = realisasi s.d. triwulan terhadap target tahunan dan pagu.",
        2, 0, CellStyle(isItalic: true), measure: false)
      let groups: [(String, Int, Int)] =
        [("Program / kegiatan / subkegiatan", 0, 3), ("Target kinerja dan anggaran tahun berjalan", C.targetK, C.targetRp)]
        + quarters.indices.map { ("Realisasi \(quarters[$0].label)", C.realisationK($0), C.realisationK($0) + 1) }
        + [
          ("Realisasi s.d. \(period.label)", columns.toDateK, columns.toDateRp),
          ("Tingkat capaian s.d. \(period.label) (%)", columns.levelK, columns.levelRp),
        ]
      for (text, from, to) in groups {
        try cursor.sheet.merge(
          CellRange(firstRow: groupRow, firstCol: from, lastRow: groupRow, lastCol: to), text: text,
          style: Styles.group)
      }
      try writeHeader(cursor, labels, row: headerRow)
      return headerRow + 1
    }
    let rows = { () throws -> Void in
      let indicators = recap.definitions.indicators
      let measurements = recap.measurements
      var formula = Ref.buffer()
      for index in evaluated {
        let (cursor, row) = try table.nextRow()
        try writeEvaluationRow(cursor, row, indicators[index], measurements[index], columns, formula: &formula)
      }
    }
    return PendingTable(rows: rows) { try finishTable(table, columns: labels.count, fixed: fixed) }
  }

  /// One program, kegiatan or subkegiatan row of `E.81`.
  private func writeEvaluationRow(
    _ cursor: SheetCursor, _ row: Int, _ d: IndicatorDefinition, _ m: IndicatorMeasurement,
    _ columns: EvaluationColumns, formula: inout String
  ) throws {
    typealias C = EvaluationColumns
    guard let level = d.level, let indent = C.indent(of: level) else { return }
    let quarters = columns.quarters
    let toDate = MeasurementPeriod.yearToDate(through: period)
    try cursor.text(d.code.rawValue, row, C.code)
    try cursor.text(Labels.level(level), row, C.level, styles.level(indent: indent))
    try cursor.text(d.wording, row, C.wording, styles.wrapped)
    try cursor.text(d.unit, row, C.unit)
    switch d.annualTarget {
    case .number(let n): try cursor.number(n, row, C.targetK, styles.number(n))
    case .grade(let g): try cursor.text(g, row, C.targetK)
    }
    if let ceiling = d.ceiling { try cursor.number(ceiling, row, C.targetRp, styles.rupiah) }
    else { try cursor.text("-", row, C.targetRp, styles.reason) }

    for (i, q) in quarters.enumerated() {
      let measure = m.measure(of: .quarter(q))
      if let r = measure?.realisation { try cursor.number(r, row, C.realisationK(i), styles.number(r)) }
      else if let text = measure?.realisationText { try cursor.text(text, row, C.realisationK(i)) }
      else { try cursor.text("belum dilaporkan", row, C.realisationK(i), styles.reason) }
      if let budget = m.budget {
        if let value = budget.byQuarter[q] {
          try cursor.number(value, row, C.realisationK(i) + 1, styles.rupiah)
        } else {
          try cursor.text("belum dilaporkan", row, C.realisationK(i) + 1, styles.reason)
        }
      } else {
        try cursor.text("-", row, C.realisationK(i) + 1, styles.reason)
      }
    }

    let annual = m.annual
    let needed = d.quartersNeeded(for: toDate)
    Ref.reset(&formula)
    if let r = annual.realisation,
      Ref.appendAggregate(
        needed.lazy.compactMap { quarters.firstIndex(of: $0) }, d.aggregation, to: &formula,
        reference: { Ref.appendCell(row, C.realisationK($1), to: &$0) })
    {
      try cursor.formula(formula, cached: r, row, columns.toDateK, styles.number(r))
    } else if let text = annual.realisationText {
      try cursor.text(text, row, columns.toDateK)
    } else {
      try cursor.text(annual.reason.map(Labels.short) ?? "", row, columns.toDateK, styles.reason)
    }
    if let budget = m.budget, let toDate = budget.toDate {
      Ref.reset(&formula)
      formula += "SUM("
      for i in quarters.indices {
        if i > 0 { formula += "," }
        Ref.appendCell(row, C.realisationK(i) + 1, to: &formula)
      }
      formula += ")"
      try cursor.formula(formula, cached: toDate, row, columns.toDateRp, styles.rupiah)
    } else {
      try cursor.text(m.budget?.reason.map(Labels.short) ?? "-", row, columns.toDateRp, styles.reason)
    }
    if let progress = annual.progress, let target = annual.target {
      Ref.reset(&formula)
      Ref.appendAchievement(
        to: &formula, target: CellAddress(row: row, col: C.targetK),
        realisation: CellAddress(row: row, col: columns.toDateK), targetValue: target,
        polarity: d.polarity, rules: recap.rules)
      try cursor.formula(formula, cached: progress, row, columns.levelK, styles.percent)
    } else if let status = annual.qualitative {
      try cursor.text(status.rawValue, row, columns.levelK, styles.qualitative(status))
    } else {
      try cursor.text(annual.reason.map(Labels.short) ?? "", row, columns.levelK, styles.reason)
    }
    if let budget = m.budget, let absorption = budget.absorption {
      Ref.reset(&formula)
      Ref.appendOperation(row, columns.toDateRp, "*100/", C.targetRp, to: &formula)
      try cursor.formula(formula, cached: absorption, row, columns.levelRp, styles.percent)
    } else {
      let why = m.budget.map { $0.reason.map(Labels.short) ?? "pagu 0" } ?? "-"
      try cursor.text(why, row, columns.levelRp, styles.reason)
    }
  }
}
