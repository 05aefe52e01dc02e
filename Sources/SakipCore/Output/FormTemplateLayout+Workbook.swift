import Foundation
import SakipXLSX

extension FormTemplateLayout {
  /// The name of the sheet a section fills (the first, active sheet: the one Excel saves as CSV).
  public static let formSheetName = "Formulir"
  /// The name of the instructions sheet.
  public static let instructionsSheetName = "Petunjuk"

  /// Writes the XLSX form to `path` through `Workbook.write` (beside the target, verified,
  /// renamed into place): definition cells locked, input cells unlocked with data validation,
  /// the sheet protected (with `password` when given), printable on A4 landscape.
  public func writeWorkbook(to path: String, password: String?, creationDate: Date?) throws {
    let options = WorkbookOptions(
      creationDate: creationDate, title: "\(Self.title) – \(section) – \(period.label) \(year)",
      author: "sakip", company: agency)
    try Workbook.write(toPath: path, options: options) { workbook in
      let sheet = try workbook.addWorksheet(named: Self.formSheetName)
      try writeForm(on: sheet, password: password)
      let instructions = try workbook.addWorksheet(named: Self.instructionsSheetName)
      try writeInstructions(on: instructions, password: password)
    }
  }

  // MARK: Styles

  private static let titleStyle = CellStyle(isBold: true, fontSize: 14)
  private static let labelStyle = CellStyle(isBold: true)
  private static let headerStyle = CellStyle(
    isBold: true, fillColor: RGBColor(0xD9E1F2), hasThinBorder: true,
    horizontalAlignment: .center, verticalAlignment: .center, wrapsText: true)
  private static let definitionFill = RGBColor(0xF2F2F2)
  private static let inputFill = RGBColor(0xFFF2CC)
  private static let notApplicableFill = RGBColor(0xBFBFBF)

  private func definitionStyle(_ column: TemplateColumn, _ indicator: IndicatorDefinition)
    -> CellStyle
  {
    var style = CellStyle(
      fillColor: Self.definitionFill, hasThinBorder: true, verticalAlignment: .top)
    switch column {
    case .wording:
      style.wrapsText = true
      style.indent = Self.indent(of: indicator.level)
    case .ceiling: style.numberFormat = "#,##0"
    case .unit, .code: style.horizontalAlignment = .left
    default: break
    }
    return style
  }

  private static func inputStyle(_ kind: InputKind) -> CellStyle {
    var style = CellStyle(
      fillColor: inputFill, hasThinBorder: true, verticalAlignment: .top, isLocked: false)
    if case .text = kind { style.wrapsText = true }
    // Numbers keep the General format: a "Save as CSV" writes cells as shown, and a
    // thousands or rounding format would change what is read back.
    if case .grade = kind { style.numberFormat = "@" }
    return style
  }

  private static let lockedEmptyStyle = CellStyle(
    fillColor: notApplicableFill, hasThinBorder: true)

  private static func indent(of level: CascadeLevel?) -> Int {
    switch level {
    case .goal, nil: 0
    case .objective: 1
    case .program: 2
    case .activity: 3
    case .subActivity: 4
    }
  }

  // MARK: The form sheet

  private func writeForm(on sheet: Worksheet, password: String?) throws {
    let columns = self.columns
    for (i, column) in columns.enumerated() {
      try sheet.setColumnWidth(i, width: column.width)
    }
    for (r, row) in titleRows.enumerated() {
      for (c, text) in row.enumerated() where !text.isEmpty {
        let style = r == 0 ? Self.titleStyle : c == 0 ? Self.labelStyle : nil
        if r > 0, c == 1, let year = Int(text), row.first == "Tahun" {
          try sheet.write(Double(year), row: r, col: c, style: CellStyle(horizontalAlignment: .left))
        } else {
          try sheet.write(text, row: r, col: c, style: style)
        }
      }
    }
    for (c, column) in columns.enumerated() {
      try sheet.write(column.header, row: headerRow, col: c, style: Self.headerStyle)
    }
    try sheet.setRowHeight(headerRow, height: 32)

    for (i, indicator) in indicators.enumerated() {
      let r = firstDataRow + i
      try sheet.setRowHeight(r, height: rowHeight(indicator))
      for (c, column) in columns.enumerated() {
        let kind = inputKind(indicator, column)
        let style: CellStyle =
          if let kind { Self.inputStyle(kind) } else if column.isDefinition {
            definitionStyle(column, indicator)
          } else { Self.lockedEmptyStyle }
        switch cell(indicator, column) {
        case .empty: try sheet.writeBlank(row: r, col: c, style: style)
        case .text(let text): try sheet.write(text, row: r, col: c, style: style)
        case .number(let n): try sheet.write(n, row: r, col: c, style: style)
        }
      }
    }
    try addValidations(on: sheet, columns: columns)

    try sheet.freezePanes(row: firstDataRow, col: 2)
    try sheet.setPaperA4()
    try sheet.setLandscape()
    try sheet.fitToPages(width: 1, height: 0)
    try sheet.repeatRows(first: headerRow, last: headerRow)
    try sheet.setMargins(left: 0.4, right: 0.4, top: 0.6, bottom: 0.6)
    try sheet.setFooter(
      "&L\(Self.escapedForHeader(section)) – \(period.label) \(year)&RHalaman &P dari &N")
    var protection = SheetProtection()
    protection.allowsFormattingColumns = true
    protection.allowsFormattingRows = true
    try sheet.protect(password: password, options: protection)
  }

  /// One rule per run of consecutive rows that accept the same kind of value in a column;
  /// the budget rule's formula is written for the run's first row and moves with each row.
  private func addValidations(on sheet: Worksheet, columns: [TemplateColumn]) throws {
    let ceilingColumn = columns.firstIndex(of: .ceiling)
    for (c, column) in columns.enumerated() where !column.isDefinition {
      var start = 0
      while start < indicators.count {
        guard let kind = inputKind(indicators[start], column) else {
          start += 1
          continue
        }
        var end = start
        while end + 1 < indicators.count, inputKind(indicators[end + 1], column) == kind {
          end += 1
        }
        let range = CellRange(
          firstRow: firstDataRow + start, firstCol: c, lastRow: firstDataRow + end, lastCol: c)
        try sheet.dataValidation(
          range,
          validation(
            kind, column: column, row: firstDataRow + start, columns: columns,
            ceilingColumn: ceilingColumn))
        start = end + 1
      }
    }
  }

  private func validation(
    _ kind: InputKind, column: TemplateColumn, row: Int, columns: [TemplateColumn],
    ceilingColumn: Int?
  ) -> DataValidation {
    let title = String(column.header.prefix(DataValidation.maxTitleLength))
    switch kind {
    case .number(let allowsNegative):
      return DataValidation(
        rule: .decimal(
          allowsNegative
            ? .between(.number(-1e15), .number(1e15)) : .greaterThanOrEqual(.number(0))),
        inputTitle: title,
        inputMessage: allowsNegative
          ? "Isi angka realisasi. Kosongkan bila belum ada data: kosong berarti belum dilaporkan, bukan nol."
          : "Isi angka realisasi (≥ 0), tanpa teks. Kosongkan bila belum ada data: kosong berarti belum dilaporkan, bukan nol. Tulis 0 hanya bila memang nol.",
        errorTitle: "Bukan angka yang sah",
        errorMessage: allowsNegative
          ? "Realisasi harus berupa angka. Hapus teks atau satuan dari sel ini."
          : "Realisasi harus berupa angka 0 atau lebih, tanpa teks atau satuan (tulis 85,5 bukan \"85,5 persen\").")
    case .grade:
      return DataValidation(
        rule: .anyValue, inputTitle: title,
        inputMessage:
          "Indikator kualitatif: tulis predikat atau hasilnya persis seperti targetnya (mis. BB, WTP, Tersedia). Kosongkan bila belum ada.")
    case .budget:
      let rowRef = row + 1
      let ceiling = ceilingColumn.map { "$\(CellAddress.columnName($0))\(rowRef)" } ?? "0"
      var maximum = "=\(ceiling)"
      if case .budgetRealisation(let q) = column, q > .first,
        let first = columns.firstIndex(of: .budgetRealisation(.first)),
        let previous = columns.firstIndex(of: .budgetRealisation(Quarter(rawValue: q.rawValue - 1) ?? .first))
      {
        maximum +=
          "-SUM($\(CellAddress.columnName(first))\(rowRef):$\(CellAddress.columnName(previous))\(rowRef))"
      }
      return DataValidation(
        rule: .decimal(.between(.number(0), .formula(maximum))),
        inputTitle: title,
        inputMessage:
          "Isi realisasi anggaran triwulan ini dalam rupiah, tanpa \"Rp\". Jumlah realisasi s.d. triwulan ini tidak boleh melebihi Pagu. Kosong berarti belum dilaporkan, bukan nol.",
        errorTitle: "Realisasi anggaran tidak sah",
        errorMessage:
          "Realisasi anggaran harus angka 0 atau lebih, dan jumlahnya s.d. triwulan ini tidak boleh melebihi Pagu pada baris ini.")
    case .text(let field):
      return DataValidation(
        rule: .anyValue, inputTitle: title, inputMessage: Self.textHint(field))
    }
  }

  static func textHint(_ field: FreeTextField) -> String {
    switch field {
    case .kendala:
      "Tulis kendala atau hambatan triwulan ini. Wajib diisi bila capaian di bawah target."
    case .faktorPendorong: "Tulis faktor yang mendorong tercapainya target."
    case .tindakLanjut: "Tulis rencana tindak lanjut atau upaya perbaikan."
    case .buktiDukung:
      "Tulis bukti dukung: nomor dokumen, nama berkas, atau tautan (link)."
    case .keterangan: "Catatan lain (bila ada)."
    }
  }

  /// An estimate of the height the wrapped wording needs (libxlsxwriter does not autofit).
  private func rowHeight(_ indicator: IndicatorDefinition) -> Double {
    let lines = max(1, (indicator.wording.count + 41) / 42)
    return min(409, max(15, Double(lines) * 15 + 3))
  }

  /// `&` starts a code in page headers and footers; a literal one is written `&&`.
  static func escapedForHeader(_ text: String) -> String {
    String(text.prefix(80)).replacingOccurrences("&", with: "&&")
  }
}
