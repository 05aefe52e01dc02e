import Foundation
import SakipXLSX

/// The styles of the recap workbook.
enum Styles {
  static let title = CellStyle(isBold: true, fontSize: 14)
  static let subtitle = CellStyle(isBold: true)
  static let label = CellStyle(isBold: true)
  static let header = CellStyle(
    isBold: true, fillColor: RGBColor(0xD9E1F2), hasThinBorder: true,
    horizontalAlignment: .center, verticalAlignment: .center, wrapsText: true)
  static let group = CellStyle(
    isBold: true, fillColor: RGBColor(0xB4C6E7), hasThinBorder: true,
    horizontalAlignment: .center, verticalAlignment: .center)
  static let text = CellStyle(hasThinBorder: true, verticalAlignment: .top)
  static let wrapped = CellStyle(hasThinBorder: true, verticalAlignment: .top, wrapsText: true)
  /// A cell that says why there is no figure.
  static let reason = CellStyle(
    isItalic: true, fontColor: RGBColor(0x7F7F7F), hasThinBorder: true, verticalAlignment: .top,
    wrapsText: true)
  static let integer = CellStyle(hasThinBorder: true, verticalAlignment: .top, numberFormat: "#,##0")
  /// A plain whole number beside a label (a year is not grouped: 2025, not 2.025).
  static let integerLeft = CellStyle(horizontalAlignment: .left, numberFormat: "0")
  static let decimal = CellStyle(
    hasThinBorder: true, verticalAlignment: .top, numberFormat: "#,##0.00##")
  /// Capaian, serapan, progress: percent points with two decimals (`95.50`).
  static let percent = CellStyle(hasThinBorder: true, verticalAlignment: .top, numberFormat: "0.00")
  static let rupiah = CellStyle(hasThinBorder: true, verticalAlignment: .top, numberFormat: "#,##0")
  static let totalLabel = CellStyle(isBold: true, hasThinBorder: true)
  static let totalNumber = CellStyle(isBold: true, hasThinBorder: true, numberFormat: "#,##0")

  /// A number in the format that reads best: whole numbers with thousands separators,
  /// fractions with two to four decimals.
  static func number(_ value: Double) -> CellStyle {
    value == value.rounded() && value.magnitude < 1e15 ? integer : decimal
  }

  /// The fill and font of a category (the same on the category text and, by conditional
  /// formatting, on the capaian cells).
  static func colours(_ category: AchievementCategory) -> (fill: RGBColor, font: RGBColor) {
    switch category {
    case .veryHigh: (RGBColor(0x1E8449), RGBColor(0xFFFFFF))
    case .high: (RGBColor(0x82E0AA), RGBColor(0x000000))
    case .medium: (RGBColor(0xF9E79F), RGBColor(0x000000))
    case .low: (RGBColor(0xF5B041), RGBColor(0x000000))
    case .veryLow: (RGBColor(0xC0392B), RGBColor(0xFFFFFF))
    }
  }

  static func category(_ category: AchievementCategory) -> CellStyle {
    let c = colours(category)
    return CellStyle(
      isBold: true, fontColor: c.font, fillColor: c.fill, hasThinBorder: true,
      verticalAlignment: .top)
  }

  static func conditional(_ category: AchievementCategory) -> CellStyle {
    let c = colours(category)
    return CellStyle(fontColor: c.font, fillColor: c.fill)
  }

  static func status(_ state: SectionStatus.State) -> CellStyle {
    let fill: UInt32 =
      switch state {
      case .complete: 0xC6EFCE
      case .incomplete: 0xFFEB9C
      case .noForm: 0xFFC7CE
      }
    return CellStyle(isBold: true, fillColor: RGBColor(fill), hasThinBorder: true, verticalAlignment: .top)
  }

  static func qualitative(_ status: QualitativeStatus) -> CellStyle {
    CellStyle(
      isBold: true, fillColor: RGBColor(status == .achieved ? 0xC6EFCE : 0xFFC7CE),
      hasThinBorder: true, verticalAlignment: .top)
  }
}

/// A sheet being written, remembering the widest text of each column so that columns can be
/// sized to their content at the end.
final class SheetCursor {
  let sheet: Worksheet
  private(set) var widths: [Int: Int] = [:]

  init(_ sheet: Worksheet) { self.sheet = sheet }

  var name: String { sheet.name }

  /// Text, always as a text cell (never a formula), however it begins. Empty text writes a
  /// styled blank. Text longer than a cell can hold (Excel's 32,767 characters) is cut with a
  /// visible note; the JSON keeps it whole.
  func text(_ text: String, _ row: Int, _ col: Int, _ style: CellStyle = Styles.text, measure: Bool = true) throws {
    if text.isEmpty {
      try sheet.writeBlank(row: row, col: col, style: style)
      return
    }
    try sheet.write(Self.fitted(text), row: row, col: col, style: style)
    guard measure else { return }
    let width = text.split(separator: "\n").map(\.count).max() ?? 0
    // A reason wraps in its cell; it should not make a figure's column wide.
    note(col, style == Styles.reason ? min(width, 14) : width)
  }

  /// `text` cut to fit one cell, ending with a note that says how long it was.
  static func fitted(_ text: String) -> String {
    let limit = Worksheet.maxStringLength
    guard text.utf16.count > limit else { return text }
    let note = " … [terpotong: \(text.count) karakter; teks lengkap ada di JSON]"
    var cut = text.prefix(limit - note.utf16.count - 2)
    while cut.utf16.count + note.utf16.count > limit { cut = cut.dropLast() }
    return String(cut) + note
  }

  func number(_ value: Double, _ row: Int, _ col: Int, _ style: CellStyle) throws {
    try sheet.write(value, row: row, col: col, style: style)
    note(col, Self.shownWidth(value, style))
  }

  func formula(_ formula: String, cached: Double, _ row: Int, _ col: Int, _ style: CellStyle) throws {
    try sheet.writeFormula("=" + formula, cachedResult: cached, row: row, col: col, style: style)
    note(col, Self.shownWidth(cached, style))
  }

  func blank(_ row: Int, _ col: Int, _ style: CellStyle = Styles.text) throws {
    try sheet.writeBlank(row: row, col: col, style: style)
  }

  /// Records a width without writing (headers count only up to their wrapped width).
  func note(_ col: Int, _ width: Int) {
    if width > widths[col, default: 0] { widths[col] = width }
  }

  /// Sets each column's width from its widest content, between `minimum` and `maximum`
  /// characters; `fixed` columns (long wrapped text) get their own width.
  func applyWidths(columns: Int, minimum: Int = 6, maximum: Int = 40, fixed: [Int: Double] = [:]) throws {
    for col in 0..<columns {
      let width = fixed[col] ?? Double(min(max(widths[col, default: 0] + 2, minimum), maximum))
      try sheet.setColumnWidth(col, width: width)
    }
  }

  private static func shownWidth(_ value: Double, _ style: CellStyle) -> Int {
    // Digits before the decimal mark, without converting to an integer type (a form may hold
    // any number up to 1e300).
    let digits = value.magnitude < 1 ? 1 : min(309, Int(log10(value.magnitude).rounded(.down)) + 1)
    let groups = (digits - 1) / 3
    let decimals = style.numberFormat == "#,##0" ? 0 : 3
    return digits + groups + decimals + (value < 0 ? 1 : 0)
  }
}

/// A table written over as many sheets as the row limit needs: `Pengukuran`, then
/// `Pengukuran (2)` with the same top rows and header, and so on (SPEC §8). Rows are handed
/// out in increasing order, so it works in constant-memory mode.
final class SplitTable {
  /// One sheet of the table and the rows of data it holds.
  struct Page {
    let cursor: SheetCursor
    let firstDataRow: Int
    var endRow: Int
    /// The data rows, empty when the sheet holds none.
    var dataRows: Range<Int> { firstDataRow..<endRow }
  }

  private let workbook: Workbook
  private let baseName: String
  private let capacityEnd: Int
  private let writeTop: (SheetCursor, _ continuation: Int) throws -> Int
  private let sizing: (labels: [String], fixed: [Int: Double])?
  private let rowCount: Int
  private let prepare: (SheetCursor, Range<Int>) throws -> Void
  private var rowsPlaced = 0
  private(set) var pages: [Page] = []

  /// `rowCount` is the number of data rows the table will get; `prepare` is called once per
  /// sheet, after its top rows, with the data rows it will hold.
  /// `writeTop` writes the title and header rows of each sheet (with the sheet's number, 1
  /// for the first) and returns the first data row. `trailerRows` are kept free at the end
  /// of every sheet for what follows the table (the signature block). With `sizeEarly`
  /// (constant-memory mode, where no column can be sized once rows are written) columns are
  /// sized from the header as soon as it is written.
  init(
    workbook: Workbook, name: String, rowLimit: Int, trailerRows: Int = 0,
    sizeEarly: (labels: [String], fixed: [Int: Double])? = nil, rowCount: Int,
    prepare: @escaping (SheetCursor, _ dataRows: Range<Int>) throws -> Void,
    writeTop: @escaping (SheetCursor, _ number: Int) throws -> Int
  ) throws {
    self.rowCount = rowCount
    self.prepare = prepare
    self.sizing = sizeEarly
    self.workbook = workbook
    self.baseName = name
    self.capacityEnd = rowLimit - trailerRows
    self.writeTop = writeTop
    try openPage()
  }

  /// The last page, where the table ends.
  var last: Page? { pages.last }

  /// The sheet and row of the next data row, starting a continuation sheet when full.
  func nextRow() throws -> (cursor: SheetCursor, row: Int) {
    guard var page = pages.popLast() else { throw XLSXError.invalidArgument("no page") }
    if page.endRow >= capacityEnd {
      pages.append(page)
      try openPage()
      guard let next = pages.popLast() else { throw XLSXError.invalidArgument("no page") }
      page = next
    }
    let row = page.endRow
    page.endRow += 1
    pages.append(page)
    return (page.cursor, row)
  }

  private func openPage() throws {
    let number = pages.count + 1
    let name = number == 1 ? baseName : "\(baseName) (\(number))"
    let cursor = SheetCursor(try workbook.addWorksheet(named: name))
    if let sizing {
      for (col, label) in sizing.labels.enumerated() { cursor.note(col, Layout.headerWidth(label)) }
      try cursor.applyWidths(columns: sizing.labels.count, minimum: 12, fixed: sizing.fixed)
    }
    let first = try writeTop(cursor, number)
    guard first < capacityEnd else {
      throw XLSXError.invalidArgument("row limit \(capacityEnd) leaves no room for data on \(name)")
    }
    // The rows this sheet will hold are known now: filters and conditional formats are set
    // before any row, as constant-memory mode requires.
    let rows = max(0, min(capacityEnd - first, rowCount - rowsPlaced))
    rowsPlaced += rows
    try prepare(cursor, first..<(first + rows))
    pages.append(Page(cursor: cursor, firstDataRow: first, endRow: first))
  }
}

/// Cell references and formula text.
enum Ref {
  /// `H5` (row and column zero-based).
  static func cell(_ row: Int, _ col: Int) -> String { CellAddress(row: row, col: col).description }

  /// `'Pengukuran (2)'!$Z$6`: an absolute reference to a cell on another sheet.
  static func external(_ sheet: String, _ row: Int, _ col: Int) -> String {
    "'\(sheet.replacingOccurrences(of: "'", with: "''"))'!\(CellAddress(row: row, col: col).absolute)"
  }

  /// A number as formula text: `120`, `150.5`.
  static func literal(_ value: Double) -> String {
    if value == value.rounded(), value.magnitude < 1e15 { return String(Int64(value)) }
    return "\(value)".uppercased()
  }

  /// Combines cells the way `agregasi` does (SPEC §5.1): the last one for `akhir`, else
  /// `SUM`, `AVERAGE`, `MAX`, `MIN` in quarter order.
  static func aggregate(_ cells: [String], _ aggregation: Aggregation) -> String? {
    guard let last = cells.last else { return nil }
    let list = cells.joined(separator: ",")
    return switch aggregation {
    case .last: last
    case .sum: "SUM(\(list))"
    case .mean: "AVERAGE(\(list))"
    case .maximum: "MAX(\(list))"
    case .minimum: "MIN(\(list))"
    }
  }

  /// The capaian formula of SPEC §5.3 over a target cell `t` and a realisation cell `r`,
  /// following the branch the engine (`Achievement`) takes for these values, in the engine's
  /// order of operations (multiply by 100 first) so that Excel computes the same double:
  ///
  /// - `positif`: `R*100/T`; a negative target `100+(R-T)*100/ABS(T)`;
  /// - `negatif` standard: `MAX(0,(2*T-R)*100/T)`; a negative target `MAX(0,100+(T-R)*100/ABS(T))`;
  /// - `negatif` ratio: `T*100/R` (with a cap, `IF(R=0,cap,…)`);
  /// - `negatif` with target 0: `IF(R<=0,100,0)`;
  /// - with `--cap N`: `MIN(N,…)`.
  ///
  /// Only called where the engine computed a value, so the cells are numbers.
  static func achievement(
    target t: String, realisation r: String, targetValue: Double, polarity: Polarity,
    rules: MeasurementRules
  ) -> String {
    var core: String
    switch polarity {
    case .positive:
      core = targetValue > 0 ? "\(r)*100/\(t)" : "100+(\(r)-\(t))*100/ABS(\(t))"
    case .negative:
      if targetValue == 0 {
        core = "IF(\(r)<=0,100,0)"
      } else {
        switch rules.negativeFormula {
        case .standard:
          core =
            targetValue > 0
            ? "MAX(0,(2*\(t)-\(r))*100/\(t))" : "MAX(0,100+(\(t)-\(r))*100/ABS(\(t)))"
        case .ratio:
          core = rules.cap.map { "IF(\(r)=0,\(literal($0)),\(t)*100/\(r))" } ?? "\(t)*100/\(r)"
        }
      }
    }
    if let cap = rules.cap { core = "MIN(\(literal(cap)),\(core))" }
    return core
  }
}

extension Layout {
  /// Title rows shared by the table sheets: title, what the sheet is, the period.
  func writeTitle(_ cursor: SheetCursor, _ heading: String, number: Int) throws {
    let suffix = number > 1 ? " (lanjutan \(number))" : ""
    try cursor.text(title, 0, 0, Styles.title, measure: false)
    try cursor.text(
      "\(heading)\(suffix) — \(periodLabel), tahun \(yearText)", 1, 0, Styles.subtitle,
      measure: false)
  }

  /// A header row; widths count the header's longest word so wrapped headers stay readable.
  func writeHeader(_ cursor: SheetCursor, _ labels: [String], row: Int) throws {
    for (col, label) in labels.enumerated() {
      try cursor.text(label, row, col, Styles.header, measure: false)
      cursor.note(col, Self.headerWidth(label))
    }
  }

  /// The width a header asks for: its longest word, and up to 12 characters of the whole.
  static func headerWidth(_ label: String) -> Int {
    min(label.count, max(12, label.split(separator: " ").map(\.count).max() ?? 0))
  }

  /// Sets up a table sheet before its rows: the header frozen (with `frozenColumns`), printed
  /// on every page, A4 landscape fitted to the width. Done first because in constant-memory
  /// mode the wrapper accepts nothing above the last row written.
  func startTable(_ cursor: SheetCursor, headerRows: ClosedRange<Int>, frozenColumns: Int = 0) throws {
    try cursor.sheet.freezePanes(row: headerRows.upperBound + 1, col: frozenColumns)
    try cursor.sheet.repeatRows(first: headerRows.lowerBound, last: headerRows.upperBound)
    try preparePrint(cursor.sheet)
  }

  /// Sizes the columns of every sheet of the table to their content (in constant-memory
  /// mode they were sized from the headers before the rows).
  func finishTable(_ table: SplitTable, columns: Int, fixed: [Int: Double] = [:]) throws {
    guard !workbookIsConstantMemory else { return }
    for page in table.pages { try page.cursor.applyWidths(columns: columns, fixed: fixed) }
  }

  /// Filters the header row over the sheet's data rows and colours the capaian columns.
  func filterAndColour(
    _ cursor: SheetCursor, headerRow: Int, columns: Int, rows: Range<Int>, achievements: [Int] = []
  ) throws {
    try cursor.sheet.autoFilter(
      CellRange(firstRow: headerRow, firstCol: 0, lastRow: max(headerRow, rows.upperBound - 1), lastCol: columns - 1))
    try colourAchievements(cursor.sheet, rows: rows, columns: achievements)
  }

  /// Colours capaian cells by category with conditional formats on the engine's thresholds.
  ///
  /// Each category is a `between` rule (so text cells such as `belum lengkap: TW II`, which
  /// Excel ranks above every number, are never coloured), its lower bound lowered by the
  /// engine's tolerance (`CategoryThresholds.relativeTolerance`) so a value that the engine
  /// calls *Sangat Tinggi* because it is 91 up to the last binary digit is coloured so too.
  /// Rules are added best first: at a shared bound the higher category wins, as in the engine.
  func colourAchievements(_ sheet: Worksheet, rows: Range<Int>, columns: [Int]) throws {
    guard !rows.isEmpty else { return }
    let t = recap.rules.thresholds
    func lowered(_ bound: Double) -> Double {
      bound - CategoryThresholds.relativeTolerance * max(bound.magnitude, 1)
    }
    let huge = 1e300
    let bands: [(AchievementCategory, Double, Double)] = [
      (.veryHigh, lowered(t.veryHigh), huge),
      (.high, lowered(t.high), lowered(t.veryHigh)),
      (.medium, lowered(t.medium), lowered(t.high)),
      (.low, lowered(t.low), lowered(t.medium)),
      (.veryLow, -huge, lowered(t.low)),
    ]
    for col in columns {
      let range = CellRange(
        firstRow: rows.lowerBound, firstCol: col, lastRow: rows.upperBound - 1, lastCol: col)
      for (category, low, high) in bands {
        try sheet.conditionalFormat(
          range, rule: .between(low, high), style: Styles.conditional(category))
      }
    }
  }
}
