/// One sheet of a workbook, obtained from `Workbook.addWorksheet(named:)` and usable only
/// inside the `Workbook.write` closure. Rows and columns are zero-based.
///
/// Every write is checked in Swift first (inside the grid, finite numbers, Excel's length
/// limits, row order in constant-memory mode) because libxlsxwriter writes some bad input
/// silently.
public final class Worksheet {
  /// Excel's row count (1,048,576); split longer tables over several sheets.
  public static let maxRows = 1_048_576
  /// Excel's column count (16,384).
  public static let maxColumns = 16_384
  /// Excel's longest cell text, in UTF-16 units.
  public static let maxStringLength = 32_767

  private let handle: WorksheetHandle
  private let constantMemory: Bool
  private var currentRow = 0
  /// The lowest row number (0-based) that must appear in the written sheet: the last row of
  /// a cell that libxlsxwriter certainly wrote. Used to verify the file after closing.
  private(set) var lastDataRow: Int?

  /// The sheet's name as shown on its tab.
  public var name: String { handle.name }

  init(handle: WorksheetHandle, constantMemory: Bool) {
    self.handle = handle
    self.constantMemory = constantMemory
  }

  // MARK: Cells

  /// Registers `style` with this sheet's workbook; writing with the returned format costs no
  /// lookup. Same as `Workbook.format(_:)`.
  public func format(_ style: CellStyle) throws(XLSXError) -> CellFormat {
    try handle.register(style)
  }

  /// Writes `text` as a text cell, never as a formula: `=1+1`, `+62…`, `-`, `@x` stay text.
  /// Throws `stringTooLong` above 32,767 characters rather than let it be cut.
  /// The corresponding C function is `worksheet_write_string`.
  public func write(_ text: String, row: Int, col: Int, style: CellStyle? = nil)
    throws(XLSXError)
  {
    try write(text, row: row, col: col, format: handle.register(style))
  }

  /// Writes a text cell with a registered format; see `write(_:row:col:style:)`.
  public func write(_ text: String, row: Int, col: Int, format: CellFormat) throws(XLSXError) {
    try checkCell(row: row, col: col)
    if let length = Self.overLength(text, limit: Self.maxStringLength) {
      throw .stringTooLong(row: row, col: col, length: length)
    }
    try handle.writeString(TextEscaping.cellText(text), row: row, col: col, format: format)
    advance(to: row, wroteData: true)
  }

  /// Writes a number cell; throws `nonFiniteNumber` for NaN and ±∞.
  /// The corresponding C function is `worksheet_write_number`.
  public func write(_ number: Double, row: Int, col: Int, style: CellStyle? = nil)
    throws(XLSXError)
  {
    try write(number, row: row, col: col, format: handle.register(style))
  }

  /// Writes a number cell with a registered format; see `write(_:row:col:style:)`.
  public func write(_ number: Double, row: Int, col: Int, format: CellFormat) throws(XLSXError) {
    try checkCell(row: row, col: col)
    guard number.isFinite else { throw .nonFiniteNumber(row: row, col: col) }
    try handle.writeNumber(number, row: row, col: col, format: format)
    advance(to: row, wroteData: true)
  }

  /// Writes a formula (with or without the leading `=`) and its computed value, so every
  /// reader shows the figure without recalculating.
  /// The corresponding C function is `worksheet_write_formula_num`.
  public func writeFormula(
    _ formula: String, cachedResult: Double, row: Int, col: Int, style: CellStyle? = nil
  ) throws(XLSXError) {
    try writeFormula(
      formula, cachedResult: cachedResult, row: row, col: col, format: handle.register(style))
  }

  /// Writes a formula with a registered format; see `writeFormula(_:cachedResult:row:col:style:)`.
  public func writeFormula(
    _ formula: String, cachedResult: Double, row: Int, col: Int, format: CellFormat
  ) throws(XLSXError) {
    try checkCell(row: row, col: col)
    guard cachedResult.isFinite else { throw .nonFiniteNumber(row: row, col: col) }
    try checkFormula(formula)
    try handle.writeFormula(formula, result: cachedResult, row: row, col: col, format: format)
    advance(to: row, wroteData: true)
  }

  /// Writes a formula whose computed value is text.
  /// The corresponding C function is `worksheet_write_formula_str`.
  public func writeFormula(
    _ formula: String, cachedResult: String, row: Int, col: Int, style: CellStyle? = nil
  ) throws(XLSXError) {
    let format = try handle.register(style)
    try checkCell(row: row, col: col)
    try checkFormula(formula)
    if let length = Self.overLength(cachedResult, limit: Self.maxStringLength) {
      throw .stringTooLong(row: row, col: col, length: length)
    }
    try handle.writeFormula(
      formula, result: TextEscaping.cellText(cachedResult), row: row, col: col, format: format)
    advance(to: row, wroteData: true)
  }

  /// Writes an empty cell that carries a style (a blank without a style writes nothing).
  /// The corresponding C function is `worksheet_write_blank`.
  public func writeBlank(row: Int, col: Int, style: CellStyle? = nil) throws(XLSXError) {
    try writeBlank(row: row, col: col, format: handle.register(style))
  }

  /// Writes a styled empty cell with a registered format; see `writeBlank(row:col:style:)`.
  public func writeBlank(row: Int, col: Int, format: CellFormat) throws(XLSXError) {
    try checkCell(row: row, col: col)
    try handle.writeBlank(row: row, col: col, format: format)
    // libxlsxwriter drops a blank without a format.
    advance(to: row, wroteData: !format.isDefault)
  }

  /// Merges `range` into one cell showing `text` (as text, never a formula).
  /// The corresponding C function is `worksheet_merge_range`.
  public func merge(_ range: CellRange, text: String, style: CellStyle? = nil)
    throws(XLSXError)
  {
    try checkRange(range)
    guard range.rowCount * range.columnCount > 1 else {
      throw .invalidArgument("merge range \(range) must cover more than one cell")
    }
    guard text.utf16.count <= Self.maxStringLength else {
      throw .stringTooLong(row: range.first.row, col: range.first.col, length: text.utf16.count)
    }
    try handle.merge(range, text: TextEscaping.cellText(text), style: style)
    advance(to: range.first.row, wroteData: true)
    advance(to: range.last.row, wroteData: false)
  }

  // MARK: Layout

  /// Sets the width (in characters, as Excel shows it) and optional default style of a
  /// column. The corresponding C function is `worksheet_set_column`.
  public func setColumnWidth(_ col: Int, width: Double, style: CellStyle? = nil)
    throws(XLSXError)
  {
    try setColumnWidth(from: col, through: col, width: width, style: style)
  }

  /// Sets the width and optional style of columns `first…last`.
  /// The corresponding C function is `worksheet_set_column`.
  public func setColumnWidth(from first: Int, through last: Int, width: Double, style: CellStyle? = nil)
    throws(XLSXError)
  {
    try checkCell(row: 0, col: first)
    try checkCell(row: 0, col: last)
    guard first <= last else { throw .cellOutOfRange(row: 0, col: last) }
    guard width.isFinite, (0...255).contains(width) else {
      throw .invalidArgument("column width \(width) is outside 0…255")
    }
    try handle.setColumns(first: first, last: last, width: width, style: style)
  }

  /// Sets a row's height in points and optional default style.
  /// The corresponding C function is `worksheet_set_row`.
  public func setRowHeight(_ row: Int, height: Double, style: CellStyle? = nil)
    throws(XLSXError)
  {
    try checkCell(row: row, col: 0)
    guard height.isFinite, (0...409).contains(height) else {
      throw .invalidArgument("row height \(height) is outside 0…409 points")
    }
    try handle.setRow(row, height: height, style: style)
  }

  /// Freezes the rows above `row` and the columns left of `col` (e.g. `row: 1, col: 0`
  /// keeps a one-row header visible). The corresponding C function is `worksheet_freeze_panes`.
  public func freezePanes(row: Int, col: Int) throws(XLSXError) {
    try checkCell(row: row, col: col)
    try handle.freezePanes(row: row, col: col)
  }

  /// Adds filter buttons to the header row of `range`.
  /// The corresponding C function is `worksheet_autofilter`.
  public func autoFilter(_ range: CellRange) throws(XLSXError) {
    try checkRange(range)
    try handle.autoFilter(range)
  }

  /// Hides the grid lines on screen and on paper.
  /// The corresponding C function is `worksheet_gridlines`.
  public func hideGridlines() throws(XLSXError) { try handle.hideGridlines() }

  /// Colours the sheet's tab. The corresponding C function is `worksheet_set_tab_color`.
  public func setTabColor(_ color: RGBColor) throws(XLSXError) { try handle.setTabColor(color) }

  // MARK: Printing

  /// Prints in landscape. The corresponding C function is `worksheet_set_landscape`.
  public func setLandscape() throws(XLSXError) { try handle.setLandscape() }

  /// Prints on A4 paper. The corresponding C function is `worksheet_set_paper` (code 9).
  public func setPaperA4() throws(XLSXError) { try handle.setPaper(9) }

  /// Scales printing to `width` pages wide and `height` pages tall; 0 means "as many as
  /// needed" (`width: 1, height: 0` fits the width only).
  /// The corresponding C function is `worksheet_fit_to_pages`.
  public func fitToPages(width: Int, height: Int) throws(XLSXError) {
    guard (0...Int(UInt16.max)).contains(width), (0...Int(UInt16.max)).contains(height) else {
      throw .invalidArgument("fit to pages \(width)×\(height) is out of range")
    }
    try handle.fitToPages(width: width, height: height)
  }

  /// Repeats rows `first…last` at the top of every printed page.
  /// The corresponding C function is `worksheet_repeat_rows`.
  public func repeatRows(first: Int, last: Int) throws(XLSXError) {
    try checkCell(row: first, col: 0)
    try checkCell(row: last, col: 0)
    guard first <= last else { throw .cellOutOfRange(row: last, col: 0) }
    try handle.repeatRows(first: first, last: last)
  }

  /// Sets the page margins in inches.
  /// The corresponding C function is `worksheet_set_margins`.
  public func setMargins(left: Double, right: Double, top: Double, bottom: Double)
    throws(XLSXError)
  {
    guard [left, right, top, bottom].allSatisfy({ $0.isFinite && $0 >= 0 }) else {
      throw .invalidArgument("margins must be finite and not negative")
    }
    try handle.setMargins(left: left, right: right, top: top, bottom: bottom)
  }

  /// Sets the printed page header using Excel's codes (`&L`, `&C`, `&R`, `&P`, `&N`…);
  /// at most 255 characters. The corresponding C function is `worksheet_set_header`.
  public func setHeader(_ text: String) throws(XLSXError) {
    try checkHeaderFooter(text, field: "page header")
    try handle.setHeader(TextEscaping.plainText(text))
  }

  /// Sets the printed page footer (same codes and limit as the header).
  /// The corresponding C function is `worksheet_set_footer`.
  public func setFooter(_ text: String) throws(XLSXError) {
    try checkHeaderFooter(text, field: "page footer")
    try handle.setFooter(TextEscaping.plainText(text))
  }

  // MARK: Protection, validation, conditional formats, charts

  /// Protects the sheet: locked cells (the `CellStyle` default) can no longer be edited,
  /// cells styled `isLocked: false` can. A password is optional and only a deterrent.
  /// The corresponding C function is `worksheet_protect`.
  public func protect(password: String? = nil, options: SheetProtection = SheetProtection())
    throws(XLSXError)
  {
    if let password, password.utf16.count > 255 {
      throw .textTooLong(field: "sheet password", length: password.utf16.count, limit: 255)
    }
    try handle.protect(password: password, options: options)
  }

  /// Restricts what may be typed into `range` and shows an input message.
  /// Titles over 32 and messages over 255 characters throw `textTooLong`.
  /// The corresponding C function is `worksheet_data_validation_range`.
  public func dataValidation(_ range: CellRange, _ validation: DataValidation) throws(XLSXError) {
    try checkRange(range)
    try validation.validate()
    try handle.dataValidation(range, validation)
  }

  /// Gives the cells of `range` whose value passes `rule` the font and fill of `style`.
  /// The corresponding C function is `worksheet_conditional_format_range`.
  public func conditionalFormat(_ range: CellRange, rule: ConditionalRule, style: CellStyle)
    throws(XLSXError)
  {
    try checkRange(range)
    guard rule.values.allSatisfy(\.isFinite) else {
      throw .invalidArgument("conditional format value is not finite")
    }
    try handle.conditionalFormat(range, rule: rule, style: style)
  }

  /// Inserts a column or pie chart with its top-left corner at `cell`.
  /// The corresponding C functions are `workbook_add_chart`, `chart_add_series`,
  /// `chart_series_set_categories/values` and `worksheet_insert_chart_opt`.
  public func insertChart(_ chart: ChartSpec, at cell: CellAddress) throws(XLSXError) {
    try checkCell(row: cell.row, col: cell.col)
    try checkRange(chart.categories)
    try checkRange(chart.values)
    guard chart.scale.isFinite, chart.scale > 0 else {
      throw .invalidArgument("chart scale \(chart.scale) must be positive")
    }
    if let dataSheet = chart.dataSheet, dataSheet.isEmpty {
      throw .invalidArgument("chart data sheet name is empty")
    }
    try handle.insertChart(chart, at: cell)
  }

  // MARK: Checks

  private func checkCell(row: Int, col: Int) throws(XLSXError) {
    guard CellAddress(row: row, col: col).isInsideGrid else {
      throw .cellOutOfRange(row: row, col: col)
    }
    if constantMemory, row < currentRow {
      throw .rowWrittenOutOfOrder(row: row, currentRow: currentRow)
    }
  }

  private func checkRange(_ range: CellRange) throws(XLSXError) {
    for cell in [range.first, range.last] where !cell.isInsideGrid {
      throw .cellOutOfRange(row: cell.row, col: cell.col)
    }
    guard range.first.row <= range.last.row, range.first.col <= range.last.col else {
      throw .cellOutOfRange(row: range.last.row, col: range.last.col)
    }
  }

  private func checkFormula(_ formula: String) throws(XLSXError) {
    // Excel's limit on a formula's text.
    if let length = Self.overLength(formula, limit: 8192) {
      throw .textTooLong(field: "formula", length: length, limit: 8192)
    }
    guard !TextEscaping.containsInvalidXML(formula) else {
      throw .invalidArgument("formula contains a control character")
    }
  }

  /// The length of `text` in UTF-16 units (as Excel counts) when it is over `limit`, else nil.
  /// Never shorter in UTF-8 than in UTF-16, so most texts need no UTF-16 count at all.
  static func overLength(_ text: String, limit: Int) -> Int? {
    guard text.utf8.count > limit else { return nil }
    let length = text.utf16.count
    return length > limit ? length : nil
  }

  private func checkHeaderFooter(_ text: String, field: String) throws(XLSXError) {
    guard text.utf16.count <= 255 else {
      throw .textTooLong(field: field, length: text.utf16.count, limit: 255)
    }
  }

  private func advance(to row: Int, wroteData: Bool) {
    if row > currentRow { currentRow = row }
    if wroteData, row > (lastDataRow ?? -1) { lastDataRow = row }
  }

  /// A number as formula text (`0`, `1.5`, `-2E+20`) for validation bounds.
  static func formulaLiteral(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }
}
