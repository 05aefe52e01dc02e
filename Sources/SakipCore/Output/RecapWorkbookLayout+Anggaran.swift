import SakipXLSX

extension Layout {
  static let tableHeaderRows = 3...3

  /// Creates `Anggaran` with its top rows and returns its rows, still to be written: one per
  /// indicator with a *pagu* — pagu, budget realisation per quarter, to date (`SUM`), serapan,
  /// sisa, capaian kinerja to date (a reference to its `Pengukuran` cell) and efisiensi
  /// (capaian − serapan), the computed figures as formulas with the engine's values cached
  /// (SPEC §5.6).
  func openBudget(capaianCells: CapaianCells) throws -> PendingTable {
    let quarters = period.throughThis
    let first = 4
    let toDateCol = first + quarters.count
    let absorptionCol = toDateCol + 1, remainingCol = toDateCol + 2
    let achievementCol = toDateCol + 3, efficiencyCol = toDateCol + 4
    var labels = ["Kode", "Indikator", "Penanggung jawab", "Pagu (Rp)"]
    labels += quarters.map { "Realisasi anggaran \($0.label) (Rp)" }
    labels += [
      "Realisasi anggaran s.d. \(period.label) (Rp)", "Serapan (%)", "Sisa anggaran (Rp)",
      "Capaian kinerja s.d. \(period.label) (%)", "Efisiensi (%)",
    ]
    let fixed: [Int: Double] = [1: 45, 2: 24]
    let table = try SplitTable(
      workbook: workbook, cursor: cursor, name: "Anggaran", rowLimit: rowLimit,
      sizeEarly: early(labels, fixed),
      rowCount: recap.measurements.count { $0.budget != nil },
      prepare: { cursor, rows in
        try filterAndColour(
          cursor, headerRow: Self.tableHeaderRows.upperBound, columns: labels.count, rows: rows,
          achievements: [achievementCol])
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
      for index in 0..<min(indicators.count, measurements.count) {
        let m = measurements[index]
        guard let budget = m.budget else { continue }
        let d = indicators[index]
        let (cursor, row) = try table.nextRow()
        try cursor.text(d.code.rawValue, row, 0)
        try cursor.text(d.wording, row, 1, styles.wrapped)
        try cursor.text(d.section, row, 2, styles.wrapped)
        try cursor.number(budget.ceiling, row, 3, styles.rupiah)
        for (i, q) in quarters.enumerated() {
          if let value = budget.byQuarter[q] {
            try cursor.number(value, row, first + i, styles.rupiah)
          } else {
            try cursor.text("belum dilaporkan", row, first + i, styles.reason)
          }
        }
        let incomplete = budget.reason.map(Labels.short) ?? ""
        if let toDate = budget.toDate {
          Ref.reset(&formula)
          formula += "SUM("
          Ref.appendCell(row, first, to: &formula)
          formula += ":"
          Ref.appendCell(row, toDateCol - 1, to: &formula)
          formula += ")"
          try cursor.formula(formula, cached: toDate, row, toDateCol, styles.rupiah)
        } else {
          try cursor.text(incomplete, row, toDateCol, styles.reason)
        }
        if let absorption = budget.absorption {
          Ref.reset(&formula)
          Ref.appendCell(row, toDateCol, to: &formula)
          formula += "*100/"
          Ref.appendCell(row, 3, to: &formula)
          try cursor.formula(formula, cached: absorption, row, absorptionCol, styles.percent)
        } else {
          try cursor.text(budget.toDate == nil ? incomplete : "pagu 0", row, absorptionCol, styles.reason)
        }
        if let remaining = budget.remaining {
          Ref.reset(&formula)
          Ref.appendCell(row, 3, to: &formula)
          formula += "-"
          Ref.appendCell(row, toDateCol, to: &formula)
          try cursor.formula(formula, cached: remaining, row, remainingCol, styles.rupiah)
        } else {
          try cursor.text(incomplete, row, remainingCol, styles.reason)
        }
        let toDate = m.yearToDate
        Ref.reset(&formula)
        if let achievement = toDate?.achievement, capaianCells.appendReference(of: index, to: &formula) {
          try cursor.formula(formula, cached: achievement, row, achievementCol, styles.percent)
        } else if let status = toDate?.qualitative {
          try cursor.text(status.rawValue, row, achievementCol, styles.qualitative(status))
        } else {
          try cursor.text(toDate?.reason.map(Labels.short) ?? "", row, achievementCol, styles.reason)
        }
        if let efficiency = budget.efficiency {
          Ref.reset(&formula)
          Ref.appendCell(row, achievementCol, to: &formula)
          formula += "-"
          Ref.appendCell(row, absorptionCol, to: &formula)
          try cursor.formula(formula, cached: efficiency, row, efficiencyCol, styles.percent)
        } else {
          let why = budget.absorption == nil ? incomplete : (toDate?.reason.map(Labels.short) ?? "")
          try cursor.text(why, row, efficiencyCol, styles.reason)
        }
      }
    }
    return PendingTable(rows: rows) { try finishTable(table, columns: labels.count, fixed: fixed) }
  }

  /// Creates `E.81` with its top rows and returns its rows, still to be written: the
  /// evaluation table of Permendagri 86/2017 (Formulir E.81) for program, kegiatan and
  /// subkegiatan rows — kinerja (K) and rupiah (Rp) side by side: annual target and pagu,
  /// realisation per quarter, to date, and the level reached against the annual target and
  /// the pagu (%), the last two as formulas with the engine's values cached.
  func openEvaluationTable() throws -> PendingTable {
    let quarters = period.throughThis
    let targetK = 4, targetRp = 5
    func kCol(_ i: Int) -> Int { 6 + 2 * i }
    let toDateK = 6 + 2 * quarters.count, toDateRp = toDateK + 1
    let levelK = toDateK + 2, levelRp = toDateK + 3
    var labels = ["Kode", "Uraian", "Indikator kinerja", "Satuan", "Target tahunan (K)", "Pagu (Rp)"]
    for q in quarters { labels += ["Realisasi \(q.label) (K)", "Realisasi \(q.label) (Rp)"] }
    labels += [
      "Realisasi s.d. \(period.label) (K)", "Realisasi s.d. \(period.label) (Rp)",
      "Tingkat capaian (K) (%)", "Tingkat capaian (Rp) (%)",
    ]
    let groupRow = 3, headerRow = 4
    let levels: [CascadeLevel: Int] = [.program: 0, .activity: 1, .subActivity: 2]
    let fixed: [Int: Double] = [2: 45]
    let table = try SplitTable(
      workbook: workbook, cursor: cursor, name: "E.81", rowLimit: rowLimit,
      sizeEarly: early(labels, fixed),
      rowCount: recap.definitions.indicators.count { $0.level.map { levels[$0] != nil } ?? false },
      prepare: { cursor, rows in
        try filterAndColour(
          cursor, headerRow: headerRow, columns: labels.count, rows: rows, achievements: [levelK])
      }
    ) { cursor, number in
      try startTable(cursor, headerRows: groupRow...headerRow, frozenColumns: 3)
      try writeTitle(cursor, "Evaluasi terhadap hasil RKPD (Formulir E.81 Permendagri 86/2017)", number: number)
      try cursor.text(
        "K = kinerja, Rp = anggaran. Tingkat capaian = realisasi s.d. triwulan terhadap target tahunan dan pagu.",
        2, 0, CellStyle(isItalic: true), measure: false)
      let groups: [(String, Int, Int)] =
        [("Program / kegiatan / subkegiatan", 0, 3), ("Target kinerja dan anggaran tahun berjalan", targetK, targetRp)]
        + quarters.enumerated().map { ("Realisasi \($1.label)", kCol($0), kCol($0) + 1) }
        + [
          ("Realisasi s.d. \(period.label)", toDateK, toDateRp),
          ("Tingkat capaian s.d. \(period.label) (%)", levelK, levelRp),
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
      let toDate = MeasurementPeriod.yearToDate(through: period)
      var formula = Ref.buffer()
      for index in 0..<min(indicators.count, measurements.count) {
        let d = indicators[index]
        guard let level = d.level, let indent = levels[level] else { continue }
        let m = measurements[index]
        let (cursor, row) = try table.nextRow()
        try cursor.text(d.code.rawValue, row, 0)
        try cursor.text(Labels.level(level), row, 1, styles.level(indent: indent))
        try cursor.text(d.wording, row, 2, styles.wrapped)
        try cursor.text(d.unit, row, 3)
        switch d.annualTarget {
        case .number(let n): try cursor.number(n, row, targetK, styles.number(n))
        case .grade(let g): try cursor.text(g, row, targetK)
        }
        if let ceiling = d.ceiling { try cursor.number(ceiling, row, targetRp, styles.rupiah) }
        else { try cursor.text("-", row, targetRp, styles.reason) }

        for (i, q) in quarters.enumerated() {
          let measure = m.measure(of: .quarter(q))
          if let r = measure?.realisation { try cursor.number(r, row, kCol(i), styles.number(r)) }
          else if let text = measure?.realisationText { try cursor.text(text, row, kCol(i)) }
          else { try cursor.text("belum dilaporkan", row, kCol(i), styles.reason) }
          if let budget = m.budget {
            if let value = budget.byQuarter[q] {
              try cursor.number(value, row, kCol(i) + 1, styles.rupiah)
            } else {
              try cursor.text("belum dilaporkan", row, kCol(i) + 1, styles.reason)
            }
          } else {
            try cursor.text("-", row, kCol(i) + 1, styles.reason)
          }
        }

        let annual = m.annual
        let needed = d.quartersNeeded(for: toDate)
        Ref.reset(&formula)
        if let r = annual.realisation,
          Ref.appendAggregate(
            needed.lazy.compactMap { quarters.firstIndex(of: $0) }, d.aggregation, to: &formula,
            reference: { Ref.appendCell(row, kCol($1), to: &$0) })
        {
          try cursor.formula(formula, cached: r, row, toDateK, styles.number(r))
        } else if let text = annual.realisationText {
          try cursor.text(text, row, toDateK)
        } else {
          try cursor.text(annual.reason.map(Labels.short) ?? "", row, toDateK, styles.reason)
        }
        if let budget = m.budget, let toDate = budget.toDate {
          Ref.reset(&formula)
          formula += "SUM("
          for i in quarters.indices {
            if i > 0 { formula += "," }
            Ref.appendCell(row, kCol(i) + 1, to: &formula)
          }
          formula += ")"
          try cursor.formula(formula, cached: toDate, row, toDateRp, styles.rupiah)
        } else {
          try cursor.text(m.budget?.reason.map(Labels.short) ?? "-", row, toDateRp, styles.reason)
        }
        if let progress = annual.progress, let target = annual.target {
          Ref.reset(&formula)
          Ref.appendAchievement(
            to: &formula, target: CellAddress(row: row, col: targetK),
            realisation: CellAddress(row: row, col: toDateK), targetValue: target,
            polarity: d.polarity, rules: recap.rules)
          try cursor.formula(formula, cached: progress, row, levelK, styles.percent)
        } else if let status = annual.qualitative {
          try cursor.text(status.rawValue, row, levelK, styles.qualitative(status))
        } else {
          try cursor.text(annual.reason.map(Labels.short) ?? "", row, levelK, styles.reason)
        }
        if let budget = m.budget, let absorption = budget.absorption {
          Ref.reset(&formula)
          Ref.appendCell(row, toDateRp, to: &formula)
          formula += "*100/"
          Ref.appendCell(row, targetRp, to: &formula)
          try cursor.formula(formula, cached: absorption, row, levelRp, styles.percent)
        } else {
          let why = m.budget.map { $0.reason.map(Labels.short) ?? "pagu 0" } ?? "-"
          try cursor.text(why, row, levelRp, styles.reason)
        }
      }
    }
    return PendingTable(rows: rows) { try finishTable(table, columns: labels.count, fixed: fixed) }
  }
}
