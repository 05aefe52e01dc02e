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

  /// A level in `E.81`, indented by its depth in the cascade.
  static func level(indent: Int) -> CellStyle {
    CellStyle(hasThinBorder: true, verticalAlignment: .top, indent: indent)
  }

  static func qualitative(_ status: QualitativeStatus) -> CellStyle {
    CellStyle(
      isBold: true, fillColor: RGBColor(status == .achieved ? 0xC6EFCE : 0xFFC7CE),
      hasThinBorder: true, verticalAlignment: .top)
  }
}

/// A recap style registered with the workbook being written (cells are written by its index,
/// not by hashing the style), and what column sizing needs to know of it.
struct SheetStyle {
  let format: CellFormat
  /// Whether its numbers show decimals (`#,##0` does not).
  let showsDecimals: Bool
  /// A reason for a missing figure: it wraps in its cell and does not widen the column.
  let isReason: Bool

  init(_ style: CellStyle, format: CellFormat) {
    self.format = format
    showsDecimals = style.numberFormat != "#,##0"
    isReason = style == Styles.reason
  }

  init(_ style: CellStyle, in workbook: Workbook) throws {
    self.init(style, format: try workbook.format(style))
  }
}

/// The styles written once per cell on the long sheets, registered once per workbook.
struct StylePalette {
  let text, wrapped, reason, integer, decimal, percent, rupiah: SheetStyle
  private let veryHigh, high, medium, low, veryLow: SheetStyle
  private let achieved, notAchieved: SheetStyle
  /// `E.81`'s level column, by indent (program 0, kegiatan 1, subkegiatan 2).
  private let levels: [SheetStyle]

  init(_ workbook: Workbook) throws {
    func style(_ style: CellStyle) throws -> SheetStyle { try SheetStyle(style, in: workbook) }
    text = try style(Styles.text)
    wrapped = try style(Styles.wrapped)
    reason = try style(Styles.reason)
    integer = try style(Styles.integer)
    decimal = try style(Styles.decimal)
    percent = try style(Styles.percent)
    rupiah = try style(Styles.rupiah)
    veryHigh = try style(Styles.category(.veryHigh))
    high = try style(Styles.category(.high))
    medium = try style(Styles.category(.medium))
    low = try style(Styles.category(.low))
    veryLow = try style(Styles.category(.veryLow))
    achieved = try style(Styles.qualitative(.achieved))
    notAchieved = try style(Styles.qualitative(.notAchieved))
    levels = try (0...2).map { try style(Styles.level(indent: $0)) }
  }

  /// A number in the format that reads best: whole numbers with thousands separators
  /// (`Styles.integer`), fractions with two to four decimals (`Styles.decimal`).
  func number(_ value: Double) -> SheetStyle {
    value == value.rounded() && value.magnitude < 1e15 ? integer : decimal
  }

  /// `Styles.category(_:)`, registered.
  func category(_ category: AchievementCategory) -> SheetStyle {
    switch category {
    case .veryHigh: veryHigh
    case .high: high
    case .medium: medium
    case .low: low
    case .veryLow: veryLow
    }
  }

  /// `Styles.qualitative(_:)`, registered.
  func qualitative(_ status: QualitativeStatus) -> SheetStyle {
    status == .achieved ? achieved : notAchieved
  }

  /// `Styles.level(indent:)`, registered for indents 0…2.
  func level(indent: Int) -> SheetStyle { levels[max(0, min(indent, levels.count - 1))] }
}

/// A sheet being written, remembering the widest text of each column so that columns can be
/// sized to their content at the end (only when they will be: not in constant-memory mode,
/// where columns are sized from their headers before any row).
final class SheetCursor {
  let sheet: Worksheet
  /// The style of a cell written without one (`Styles.text`).
  private let plain: SheetStyle
  /// Whether written cells count towards `widths` (`note` always does).
  private let measuresWidths: Bool
  /// The widest content noted per column, in characters.
  private(set) var widths: [Int] = []

  init(_ sheet: Worksheet, styles: StylePalette, measuresWidths: Bool) {
    self.sheet = sheet
    self.plain = styles.text
    self.measuresWidths = measuresWidths
  }

  var name: String { sheet.name }

  /// Text, always as a text cell (never a formula), however it begins. Empty text writes a
  /// styled blank. Text longer than a cell can hold (Excel's 32,767 characters) is cut with a
  /// visible note; the JSON keeps it whole.
  func text(_ text: String, _ row: Int, _ col: Int, _ style: SheetStyle, measure: Bool = true) throws {
    if text.isEmpty {
      try sheet.writeBlank(row: row, col: col, format: style.format)
      return
    }
    try sheet.write(Self.fitted(text), row: row, col: col, format: style.format)
    guard measure, measuresWidths else { return }
    let width = Self.widestLine(text)
    // A reason wraps in its cell; it should not make a figure's column wide.
    note(col, style.isReason ? min(width, 14) : width)
  }

  /// Text in `Styles.text`.
  func text(_ text: String, _ row: Int, _ col: Int, measure: Bool = true) throws {
    try self.text(text, row, col, plain, measure: measure)
  }

  /// Text in a style written on a few cells only (titles, labels, headers).
  func text(_ text: String, _ row: Int, _ col: Int, _ style: CellStyle, measure: Bool = true) throws {
    try self.text(text, row, col, registered(style), measure: measure)
  }

  /// `text` cut to fit one cell, ending with a note that says how long it was.
  static func fitted(_ text: String) -> String {
    let limit = Worksheet.maxStringLength
    // UTF-16 is never longer than UTF-8: most texts need no UTF-16 count.
    guard text.utf8.count > limit, text.utf16.count > limit else { return text }
    let note = " … [terpotong: \(text.count) karakter; teks lengkap ada di JSON]"
    var cut = text.prefix(limit - note.utf16.count - 2)
    while cut.utf16.count + note.utf16.count > limit { cut = cut.dropLast() }
    return String(cut) + note
  }

  /// The characters of the longest line (lines split at LF, as `split(separator: "\n")` on
  /// characters does). Counted on the bytes for ASCII text without CR (where a byte is a
  /// character); anything else is counted in characters.
  static func widestLine(_ text: String) -> Int {
    var widest = 0
    var current = 0
    let bytes = text.utf8.span
    for index in bytes.indices {
      let byte = bytes[index]
      if byte == 0x0A {
        widest = max(widest, current)
        current = 0
      } else if byte < 0x80, byte != 0x0D {
        current += 1
      } else {
        return text.split(separator: "\n").map(\.count).max() ?? 0
      }
    }
    return max(widest, current)
  }

  func number(_ value: Double, _ row: Int, _ col: Int, _ style: SheetStyle) throws {
    try sheet.write(value, row: row, col: col, format: style.format)
    if measuresWidths { note(col, Self.shownWidth(value, showsDecimals: style.showsDecimals)) }
  }

  func number(_ value: Double, _ row: Int, _ col: Int, _ style: CellStyle) throws {
    try number(value, row, col, registered(style))
  }

  /// A formula (without the leading `=`) and the engine's value as its cached result.
  func formula(_ formula: String, cached: Double, _ row: Int, _ col: Int, _ style: SheetStyle) throws {
    try sheet.writeFormula(formula, cachedResult: cached, row: row, col: col, format: style.format)
    if measuresWidths { note(col, Self.shownWidth(cached, showsDecimals: style.showsDecimals)) }
  }

  func formula(_ formula: String, cached: Double, _ row: Int, _ col: Int, _ style: CellStyle) throws {
    try self.formula(formula, cached: cached, row, col, registered(style))
  }

  func blank(_ row: Int, _ col: Int, _ style: CellStyle = Styles.text) throws {
    try sheet.writeBlank(row: row, col: col, format: sheet.format(style))
  }

  private func registered(_ style: CellStyle) throws -> SheetStyle {
    SheetStyle(style, format: try sheet.format(style))
  }

  /// Records a width without writing (headers count only up to their wrapped width).
  func note(_ col: Int, _ width: Int) {
    guard col >= 0 else { return }
    if col >= widths.count { widths += Array(repeating: 0, count: col + 1 - widths.count) }
    if width > widths[col] { widths[col] = width }
  }

  /// Sets each column's width from its widest content, between `minimum` and `maximum`
  /// characters; `fixed` columns (long wrapped text) get their own width.
  func applyWidths(columns: Int, minimum: Int = 6, maximum: Int = 40, fixed: [Int: Double] = [:]) throws {
    for col in 0..<columns {
      let widest = col < widths.count ? widths[col] : 0
      let width = fixed[col] ?? Double(min(max(widest + 2, minimum), maximum))
      try sheet.setColumnWidth(col, width: width)
    }
  }

  private static func shownWidth(_ value: Double, showsDecimals: Bool) -> Int {
    // Digits before the decimal mark, without converting to an integer type (a form may hold
    // any number up to 1e300).
    let digits = value.magnitude < 1 ? 1 : min(309, Int(log10(value.magnitude).rounded(.down)) + 1)
    let groups = (digits - 1) / 3
    let decimals = showsDecimals ? 3 : 0
    return digits + groups + decimals + (value < 0 ? 1 : 0)
  }
}

/// A table written over as many sheets as the row limit needs: `Pengukuran`, then
/// `Pengukuran (2)` with the same top rows and header, and so on (SPEC §8). Every sheet is
/// created with its top rows as soon as the table is, from the number of rows it will get,
/// so the rows can then be written on another thread; rows are handed out in increasing
/// order, so it works in constant-memory mode.
final class SplitTable {
  /// One sheet of the table and the rows of data it holds.
  struct Page {
    let cursor: SheetCursor
    /// The data rows this sheet was planned to hold when the table was created.
    let plannedRows: Range<Int>
    /// The row after the last data row handed out (the first data row while there is none).
    var endRow: Int
  }

  private let workbook: Workbook
  private let makeCursor: (Worksheet) -> SheetCursor
  private let baseName: String
  private let capacityEnd: Int
  private let writeTop: (SheetCursor, _ continuation: Int) throws -> Int
  private let sizing: (labels: [String], fixed: [Int: Double])?
  private let rowCount: Int
  private let prepare: (SheetCursor, Range<Int>) throws -> Void
  private var rowsPlaced = 0
  private(set) var pages: [Page] = []
  /// The page the next row goes on.
  private var current = 0

  /// `rowCount` is the number of data rows the table will get; `prepare` is called once per
  /// sheet, after its top rows, with the data rows it will hold.
  /// `writeTop` writes the title and header rows of each sheet (with the sheet's number, 1
  /// for the first) and returns the first data row. `trailerRows` are kept free at the end
  /// of every sheet for what follows the table (the signature block). With `sizeEarly`
  /// (constant-memory mode, where no column can be sized once rows are written) columns are
  /// sized from the header as soon as it is written.
  init(
    workbook: Workbook, cursor makeCursor: @escaping (Worksheet) -> SheetCursor, name: String,
    rowLimit: Int, trailerRows: Int = 0,
    sizeEarly: (labels: [String], fixed: [Int: Double])? = nil, rowCount: Int,
    prepare: @escaping (SheetCursor, _ dataRows: Range<Int>) throws -> Void,
    writeTop: @escaping (SheetCursor, _ number: Int) throws -> Int
  ) throws {
    self.rowCount = rowCount
    self.prepare = prepare
    self.sizing = sizeEarly
    self.workbook = workbook
    self.makeCursor = makeCursor
    self.baseName = name
    self.capacityEnd = rowLimit - trailerRows
    self.writeTop = writeTop
    repeat { try openPage() } while rowsPlaced < rowCount
  }

  /// The last page, where the table ends.
  var last: Page? { pages.last }

  /// The sheet and row of the next data row, going on to the next sheet when one is full.
  /// Throws past the `rowCount` rows planned: filters, colours and continuation sheets were
  /// laid out for exactly those.
  func nextRow() throws -> (cursor: SheetCursor, row: Int) {
    while pages.indices.contains(current), pages[current].endRow >= pages[current].plannedRows.upperBound {
      current += 1
    }
    guard pages.indices.contains(current) else {
      throw XLSXError.invalidArgument("\(baseName): more rows than the \(rowCount) planned")
    }
    let row = pages[current].endRow
    pages[current].endRow += 1
    return (pages[current].cursor, row)
  }

  private func openPage() throws {
    let number = pages.count + 1
    let name = number == 1 ? baseName : "\(baseName) (\(number))"
    let cursor = makeCursor(try workbook.addWorksheet(named: name))
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
    pages.append(Page(cursor: cursor, plannedRows: first..<(first + rows), endRow: first))
  }
}

/// Cell references and formula text. The `append…` forms write into a buffer the caller
/// reuses from cell to cell (a recap writes millions of formulas); the others return a
/// `String` for the few cells that need one.
enum Ref {
  /// An empty formula buffer with room for the longest formula of a row.
  static func buffer() -> String {
    var text = ""
    text.reserveCapacity(256)
    return text
  }

  /// Empties the buffer for the next formula, keeping its storage.
  static func reset(_ text: inout String) { text.removeAll(keepingCapacity: true) }

  /// `H5` (row and column zero-based).
  static func cell(_ row: Int, _ col: Int) -> String { CellAddress(row: row, col: col).description }

  /// Appends `H5` to `text`.
  static func appendCell(_ row: Int, _ col: Int, to text: inout String) {
    CellAddress(row: row, col: col).appendA1(to: &text)
  }

  /// Appends `H5*100/D5`: two cells of `row` with an operator between them.
  static func appendOperation(_ row: Int, _ left: Int, _ operation: String, _ right: Int, to text: inout String) {
    appendCell(row, left, to: &text)
    text += operation
    appendCell(row, right, to: &text)
  }

  /// `'Pengukuran (2)'!`: the prefix naming another sheet in a reference.
  static func sheetPrefix(_ sheet: String) -> String {
    "'\(sheet.replacingOccurrences(of: "'", with: "''"))'!"
  }

  /// `'Pengukuran (2)'!$Z$6`: an absolute reference to a cell on another sheet.
  static func external(_ sheet: String, _ row: Int, _ col: Int) -> String {
    sheetPrefix(sheet) + CellAddress(row: row, col: col).absolute
  }

  /// A number as formula text: `120`, `150.5`.
  static func literal(_ value: Double) -> String {
    if value == value.rounded(), value.magnitude < 1e15 { return String(Int64(value)) }
    return "\(value)".uppercased()
  }

  /// Combines cells the way `agregasi` does (SPEC §5.1): the last one for `akhir`, else
  /// `SUM`, `AVERAGE`, `MAX`, `MIN` in quarter order.
  static func aggregate(_ cells: [String], _ aggregation: Aggregation) -> String? {
    var text = ""
    let written = appendAggregate(cells, aggregation, to: &text) { text, cell in text += cell }
    return written ? text : nil
  }

  /// Appends `aggregate` over `items` to `text`, each written by `reference`; returns false
  /// (and leaves `text` to be discarded) when there are no items.
  static func appendAggregate<Items: Sequence>(
    _ items: Items, _ aggregation: Aggregation, to text: inout String,
    reference: (inout String, Items.Element) -> Void
  ) -> Bool {
    let function: String
    switch aggregation {
    case .last:
      var last: Items.Element?
      for item in items { last = item }
      guard let last else { return false }
      reference(&text, last)
      return true
    case .sum: function = "SUM("
    case .mean: function = "AVERAGE("
    case .maximum: function = "MAX("
    case .minimum: function = "MIN("
    }
    text += function
    var isFirst = true
    for item in items {
      if !isFirst { text += "," }
      reference(&text, item)
      isFirst = false
    }
    text += ")"
    return !isFirst
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
    var text = ""
    appendAchievement(
      to: &text, targetValue: targetValue, polarity: polarity, rules: rules,
      target: { $0 += t }, realisation: { $0 += r })
    return text
  }

  /// Appends `achievement` to `text` over the cells at `target` and `realisation`.
  static func appendAchievement(
    to text: inout String, target: CellAddress, realisation: CellAddress, targetValue: Double,
    polarity: Polarity, rules: MeasurementRules
  ) {
    appendAchievement(
      to: &text, targetValue: targetValue, polarity: polarity, rules: rules,
      target: { target.appendA1(to: &$0) }, realisation: { realisation.appendA1(to: &$0) })
  }

  /// The capaian formula with the references written by `t` and `r`.
  private static func appendAchievement(
    to text: inout String, targetValue: Double, polarity: Polarity, rules: MeasurementRules,
    target t: (inout String) -> Void, realisation r: (inout String) -> Void
  ) {
    if let cap = rules.cap {
      text += "MIN("
      text += literal(cap)
      text += ","
    }
    switch polarity {
    case .positive:
      if targetValue > 0 {
        r(&text); text += "*100/"; t(&text)
      } else {
        text += "100+("; r(&text); text += "-"; t(&text); text += ")*100/ABS("; t(&text); text += ")"
      }
    case .negative:
      if targetValue == 0 {
        text += "IF("; r(&text); text += "<=0,100,0)"
      } else {
        switch rules.negativeFormula {
        case .standard:
          if targetValue > 0 {
            text += "MAX(0,(2*"; t(&text); text += "-"; r(&text); text += ")*100/"; t(&text)
            text += ")"
          } else {
            text += "MAX(0,100+("; t(&text); text += "-"; r(&text); text += ")*100/ABS("
            t(&text); text += "))"
          }
        case .ratio:
          if let cap = rules.cap {
            text += "IF("; r(&text); text += "=0,"; text += literal(cap); text += ","
            t(&text); text += "*100/"; r(&text); text += ")"
          } else {
            t(&text); text += "*100/"; r(&text)
          }
        }
      }
    }
    if rules.cap != nil { text += ")" }
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
