import SakipXLSX

extension Layout {
  /// The rows of a category count: label, the range it stands for, and the count.
  private func categoryRows(_ summary: CategorySummary) -> [(String, String, Int)] {
    let t = recap.rules.thresholds
    let n = { (x: Double) in Ref.literal(x).replacingOccurrences(of: ".", with: ",") }
    let labels = [
      (AchievementCategory.veryHigh.rawValue, "≥ \(n(t.veryHigh))"),
      (AchievementCategory.high.rawValue, "\(n(t.high)) – < \(n(t.veryHigh))"),
      (AchievementCategory.medium.rawValue, "\(n(t.medium)) – < \(n(t.high))"),
      (AchievementCategory.low.rawValue, "\(n(t.low)) – < \(n(t.medium))"),
      (AchievementCategory.veryLow.rawValue, "< \(n(t.low))"),
      ("Tercapai (kualitatif)", "status"),
      ("Tidak tercapai (kualitatif)", "status"),
      ("Belum lengkap", "data belum dilaporkan"),
      ("Tidak dapat diukur", "mis. target 0"),
    ]
    return zip(labels, Self.categoryCounts(summary)).map { ($0.0, $0.1, $1) }
  }

  /// The counts of `categoryRows`, in its order.
  private static func categoryCounts(_ summary: CategorySummary) -> [Int] {
    AchievementCategory.allCases.map(summary.count(of:))
      + [summary.achieved, summary.notAchieved, summary.incomplete, summary.notMeasurable]
  }

  /// Writes `Ringkasan`: title, year, period, when and from which files; the count of
  /// indicators per category (with a column chart), then per section with completeness.
  func writeSummary() throws {
    // Columns here have fixed widths: nothing to measure.
    let cursor = SheetCursor(
      try workbook.addWorksheet(named: "Ringkasan"), styles: styles, measuresWidths: false)
    let sheet = cursor.sheet
    try sheet.freezePanes(row: 1, col: 0)
    try sheet.setColumnWidth(0, width: 34)
    try sheet.setColumnWidth(from: 1, through: 13, width: 14)
    try preparePrint(sheet)
    var row = 0
    try cursor.text(title, row, 0, Styles.title, measure: false)
    row += 2
    let forms = recap.report.inputs.dropFirst()
    let facts: [(String, String)] = [
      ("Tahun", yearText),
      ("Periode", periodLabel),
      ("Dibuat", createdText),
      ("Definisi indikator", recap.report.inputs.first?.file ?? "-"),
      // The names are listed on `Sumber`: one long cell here would widen the printed page.
      ("Formulir", "\(forms.count) berkas (rincian di lembar Sumber)"),
      ("Indikator", "\(recap.definitions.indicators.count)"),
      ("Temuan validasi", "\(recap.report.errorCount) kesalahan, \(recap.report.warningCount) peringatan (lembar Validasi)"),
    ]
    for (label, value) in facts {
      try cursor.text(label, row, 0, Styles.label, measure: false)
      // Counts and the year are numbers (SPEC §8: numbers are never written as text).
      if let number = Int(value) {
        try cursor.number(Double(number), row, 1, Styles.integerLeft)
      } else {
        try cursor.text(value, row, 1, CellStyle(), measure: false)
      }
      row += 1
    }

    let summary = recap.summary
    let rows = categoryRows(summary)
    let firstCategoryRow = row + 3
    let lastCategoryRow = firstCategoryRow + rows.count - 1
    // The chart first: in constant-memory mode nothing may be placed above the rows written.
    try sheet.insertChart(
      ChartSpec(
        kind: .column, title: "Jumlah indikator per kategori capaian s.d. \(period.label)",
        seriesName: "Jumlah indikator",
        categories: CellRange(firstRow: firstCategoryRow, firstCol: 0, lastRow: lastCategoryRow, lastCol: 0),
        values: CellRange(firstRow: firstCategoryRow, firstCol: 2, lastRow: lastCategoryRow, lastCol: 2),
        scale: 1.1),
      at: CellAddress(row: firstCategoryRow - 2, col: 5))
    row += 1
    try cursor.text("Kategori capaian s.d. \(period.label) — semua indikator", row, 0, Styles.subtitle, measure: false)
    row += 1
    try writeHeader(cursor, ["Kategori", "Rentang capaian (%)", "Jumlah indikator", "Persentase (%)"], row: row)
    row += 1
    let totalRow = firstCategoryRow + rows.count
    for (i, (label, range, count)) in rows.enumerated() {
      let style = i < AchievementCategory.allCases.count ? Styles.category(AchievementCategory.allCases[i]) : Styles.text
      try cursor.text(label, row, 0, style)
      try cursor.text(range, row, 1)
      try cursor.number(Double(count), row, 2, Styles.integer)
      let share = summary.total > 0 ? Double(count) * 100 / Double(summary.total) : 0
      try cursor.formula(
        "IF(\(Ref.cell(totalRow, 2))=0,0,\(Ref.cell(row, 2))*100/\(Ref.cell(totalRow, 2)))",
        cached: share, row, 3, Styles.percent)
      row += 1
    }
    try cursor.text("Jumlah", row, 0, Styles.totalLabel)
    try cursor.blank(row, 1, Styles.totalLabel)
    try cursor.formula(
      "SUM(\(Ref.cell(firstCategoryRow, 2)):\(Ref.cell(row - 1, 2)))", cached: Double(summary.total),
      row, 2, Styles.totalNumber)
    try cursor.formula(
      "IF(\(Ref.cell(row, 2))=0,0,100)", cached: summary.total > 0 ? 100 : 0, row, 3, Styles.percent)
    // Leave room for the chart (about 17 rows tall) before the next table.
    row = max(row + 2, firstCategoryRow - 2 + 18)

    try cursor.text(
      "Kategori capaian dan kelengkapan per unit kerja", row, 0, Styles.subtitle, measure: false)
    row += 1
    var labels = ["Unit kerja"] + rows.map(\.0) + ["Jumlah"]
    labels += ["Indikator dilaporkan lengkap", "Kelengkapan (%)", "Status"]
    try writeHeader(cursor, labels, row: row)
    row += 1
    let statuses = Dictionary(recap.report.sections.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    let renderer = ReportRenderer(context: context)
    for (section, sectionSummary) in recap.summaryBySection {
      try cursor.text(section, row, 0, Styles.wrapped)
      let counts = Self.categoryCounts(sectionSummary)
      for (i, count) in counts.enumerated() {
        try cursor.number(Double(count), row, 1 + i, Styles.integer)
      }
      let totalCol = 1 + counts.count
      try cursor.formula(
        "SUM(\(Ref.cell(row, 1)):\(Ref.cell(row, totalCol - 1)))", cached: Double(sectionSummary.total),
        row, totalCol, Styles.totalNumber)
      if let status = statuses[section] {
        try cursor.number(Double(status.reported), row, totalCol + 1, Styles.integer)
        let share = status.assigned > 0 ? Double(status.reported) * 100 / Double(status.assigned) : 0
        try cursor.formula(
          "IF(\(Ref.cell(row, totalCol))=0,0,\(Ref.cell(row, totalCol + 1))*100/\(Ref.cell(row, totalCol)))",
          cached: share, row, totalCol + 2, Styles.percent)
        try cursor.text(renderer.stateLabel(status.state), row, totalCol + 3, Styles.status(status.state))
      }
      row += 1
    }
  }
}
