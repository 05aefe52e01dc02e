import SakipXLSX

extension Layout {
  /// Writes `Kelengkapan`: one row per section — forms received, indicators assigned and
  /// reported in full, values missing, errors, warnings and the status.
  func writeCompleteness() throws {
    let labels = [
      "Unit kerja", "Formulir diterima", "Indikator", "Dilaporkan lengkap", "Nilai kosong",
      "Kesalahan", "Peringatan", "Status",
    ]
    let fixed: [Int: Double] = [0: 34, 1: 40]
    let table = try plainTable(
      name: "Kelengkapan", title: "Kelengkapan formulir per unit kerja", labels: labels, fixed: fixed, rowCount: recap.report.sections.count)
    let renderer = ReportRenderer(context: context)
    for section in recap.report.sections {
      let (cursor, row) = try table.nextRow()
      try cursor.text(section.name, row, 0, styles.wrapped)
      let forms = section.forms.map(Self.fileName).joined(separator: "\n")
      try cursor.text(forms.isEmpty ? "—" : forms, row, 1, styles.wrapped)
      let counts = [section.assigned, section.reported, section.missingValues, section.errors, section.warnings]
      for (i, count) in counts.enumerated() {
        try cursor.number(Double(count), row, 2 + i, styles.integer)
      }
      try cursor.text(renderer.stateLabel(section.state), row, 7, Styles.status(section.state))
    }
    try finishTable(table, columns: labels.count, fixed: fixed)
  }

  /// The last component of a path: what people recognise in a list of forms.
  static func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// Writes `Validasi`: every finding of SPEC §7, one per row, in the report's order.
  func writeFindings() throws {
    let labels = ["Tingkat", "Pemeriksaan", "Unit kerja", "Berkas", "Baris", "Kolom", "Kode", "Pesan"]
    let fixed: [Int: Double] = [2: 28, 3: 40, 7: 80]
    let table = try plainTable(
      name: "Validasi", title: "Temuan validasi", labels: labels, fixed: fixed, rowCount: recap.report.findings.count)
    let catalog = MessageCatalog(language: context.language)
    let error = try SheetStyle(
      CellStyle(
        isBold: true, fontColor: RGBColor(0x9C0006), fillColor: RGBColor(0xFFC7CE),
        hasThinBorder: true, verticalAlignment: .top),
      in: workbook)
    let warning = try SheetStyle(
      CellStyle(
        isBold: true, fontColor: RGBColor(0x9C5700), fillColor: RGBColor(0xFFEB9C),
        hasThinBorder: true, verticalAlignment: .top),
      in: workbook)
    for finding in recap.report.findings {
      let (cursor, row) = try table.nextRow()
      try cursor.text(
        catalog.severityLabel(finding.severity), row, 0, finding.severity == .error ? error : warning)
      try cursor.text(finding.code.rawValue, row, 1)
      try cursor.text(finding.section ?? "", row, 2, styles.wrapped)
      try cursor.text(finding.location.file ?? "", row, 3, styles.wrapped)
      if let line = finding.location.line {
        try cursor.number(Double(line), row, 4, styles.integer)
      } else {
        try cursor.blank(row, 4)
      }
      try cursor.text(finding.location.column ?? "", row, 5)
      try cursor.text(finding.indicator?.rawValue ?? "", row, 6)
      try cursor.text(catalog.text(finding), row, 7, styles.wrapped, measure: false)
    }
    try finishTable(table, columns: labels.count, fixed: fixed)
  }

  /// Writes `Sumber`: every input file with its size, SHA-256, encoding, delimiter and rows
  /// read, then the command line, the program's version and the creation time.
  func writeSources() throws {
    let labels = ["Berkas", "Ukuran (byte)", "SHA-256", "Encoding", "Pemisah", "Baris"]
    let fixed: [Int: Double] = [0: 40, 2: 68]
    let table = try plainTable(
      name: "Sumber", title: "Sumber data", labels: labels, fixed: fixed, rowCount: recap.report.inputs.count, trailerRows: 5)
    for input in recap.report.inputs {
      let (cursor, row) = try table.nextRow()
      try cursor.text(input.file, row, 0)
      try cursor.number(Double(input.bytes), row, 1, styles.integer)
      try cursor.text(input.sha256, row, 2)
      try cursor.text(input.encoding ?? "-", row, 3)
      try cursor.text(Labels.delimiter(input.delimiter), row, 4)
      try cursor.number(Double(input.rows), row, 5, styles.integer)
    }
    if let last = table.last {
      let facts = [
        ("Perintah", context.commandLine.map(Self.shellQuoted).joined(separator: " ")),
        ("Versi program", "sakip \(context.programVersion)"),
        ("Dibuat", createdText),
      ]
      for (i, (label, value)) in facts.enumerated() {
        try last.cursor.text(label, last.endRow + 1 + i, 0, Styles.label, measure: false)
        try last.cursor.text(value, last.endRow + 1 + i, 1, CellStyle(), measure: false)
      }
    }
    try finishTable(table, columns: labels.count, fixed: fixed)
  }

  /// An argument as a shell would need it to be typed again.
  static func shellQuoted(_ argument: String) -> String {
    let safe = argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0) }
    if safe && !argument.isEmpty { return argument }
    return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// A table with one title and one header row, continued over sheets as the row limit needs:
  /// `Kelengkapan`, `Validasi`, `Sumber`.
  func plainTable(
    name: String, title: String, labels: [String], fixed: [Int: Double], rowCount: Int, trailerRows: Int = 0
  ) throws -> SplitTable {
    try SplitTable(
      workbook: workbook, cursor: cursor, name: name, rowLimit: rowLimit, trailerRows: trailerRows,
      sizeEarly: early(labels, fixed), rowCount: rowCount,
      prepare: { cursor, rows in
        try filterAndColour(cursor, headerRow: Self.tableHeaderRows.upperBound, columns: labels.count, rows: rows)
      }
    ) { cursor, number in
      try startTable(cursor, headerRows: Self.tableHeaderRows)
      try writeTitle(cursor, title, number: number)
      try writeHeader(cursor, labels, row: Self.tableHeaderRows.upperBound)
      return Self.tableHeaderRows.upperBound + 1
    }
  }
}
