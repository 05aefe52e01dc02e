// The C calls behind `Worksheet`. Arguments arrive already validated (inside the grid,
// finite, within Excel's limits, escaped); this file only translates and checks statuses.
internal import CXLSXWriter
import Foundation

/// One `lxw_worksheet`, owned by its workbook (freed by `workbook_close`); every call first
/// checks that the workbook is still open, so no pointer is used after it is freed.
final class WorksheetHandle {
  private let workbook: WorkbookHandle
  private let pointer: UnsafeMutablePointer<lxw_worksheet>
  let name: String

  init(workbook: WorkbookHandle, pointer: UnsafeMutablePointer<lxw_worksheet>, name: String) {
    self.workbook = workbook
    self.pointer = pointer
    self.name = name
  }

  private func sheet() throws(XLSXError) -> UnsafeMutablePointer<lxw_worksheet> {
    guard workbook.isOpen else { throw .workbookClosed }
    return pointer
  }

  var isConstantMemory: Bool { (try? sheet().pointee.optimize) == 1 }

  /// Registers a style with the workbook (see `WorkbookHandle.register(_:)`).
  func register(_ style: CellStyle?) throws(XLSXError) -> CellFormat {
    try workbook.register(style)
  }

  func writeString(_ text: String, row: Int, col: Int, format: CellFormat) throws(XLSXError) {
    let sheet = try sheet()
    let format = try workbook.format(for: format)
    try check(
      text.withCString { worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(col), $0, format) },
      "worksheet_write_string")
  }

  func writeNumber(_ number: Double, row: Int, col: Int, format: CellFormat) throws(XLSXError) {
    let sheet = try sheet()
    let format = try workbook.format(for: format)
    try check(
      worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(col), number, format),
      "worksheet_write_number")
  }

  func writeFormula(_ formula: String, result: Double, row: Int, col: Int, format: CellFormat)
    throws(XLSXError)
  {
    let sheet = try sheet()
    let format = try workbook.format(for: format)
    try check(
      formula.withCString {
        worksheet_write_formula_num(sheet, lxw_row_t(row), lxw_col_t(col), $0, format, result)
      }, "worksheet_write_formula_num")
  }

  func writeFormula(_ formula: String, result: String, row: Int, col: Int, format: CellFormat)
    throws(XLSXError)
  {
    let sheet = try sheet()
    let format = try workbook.format(for: format)
    try check(
      formula.withCString { cFormula in
        result.withCString { cResult in
          worksheet_write_formula_str(
            sheet, lxw_row_t(row), lxw_col_t(col), cFormula, format, cResult)
        }
      }, "worksheet_write_formula_str")
  }

  func writeBlank(row: Int, col: Int, format: CellFormat) throws(XLSXError) {
    let sheet = try sheet()
    let format = try workbook.format(for: format)
    try check(
      worksheet_write_blank(sheet, lxw_row_t(row), lxw_col_t(col), format),
      "worksheet_write_blank")
  }

  func merge(_ range: CellRange, text: String, style: CellStyle?) throws(XLSXError) {
    let sheet = try sheet()
    let format = try workbook.format(for: style)
    try check(
      text.withCString {
        worksheet_merge_range(
          sheet, lxw_row_t(range.first.row), lxw_col_t(range.first.col),
          lxw_row_t(range.last.row), lxw_col_t(range.last.col), $0, format)
      }, "worksheet_merge_range")
  }

  func setColumns(first: Int, last: Int, width: Double, style: CellStyle?) throws(XLSXError) {
    let sheet = try sheet()
    let format = try workbook.format(for: style)
    try check(
      worksheet_set_column(sheet, lxw_col_t(first), lxw_col_t(last), width, format),
      "worksheet_set_column")
  }

  func setRow(_ row: Int, height: Double, style: CellStyle?) throws(XLSXError) {
    let sheet = try sheet()
    let format = try workbook.format(for: style)
    try check(worksheet_set_row(sheet, lxw_row_t(row), height, format), "worksheet_set_row")
  }

  func freezePanes(row: Int, col: Int) throws(XLSXError) {
    worksheet_freeze_panes(try sheet(), lxw_row_t(row), lxw_col_t(col))
  }

  func autoFilter(_ range: CellRange) throws(XLSXError) {
    try check(
      worksheet_autofilter(
        try sheet(), lxw_row_t(range.first.row), lxw_col_t(range.first.col),
        lxw_row_t(range.last.row), lxw_col_t(range.last.col)), "worksheet_autofilter")
  }

  func setLandscape() throws(XLSXError) { worksheet_set_landscape(try sheet()) }

  func setPaper(_ code: UInt8) throws(XLSXError) { worksheet_set_paper(try sheet(), code) }

  func fitToPages(width: Int, height: Int) throws(XLSXError) {
    worksheet_fit_to_pages(try sheet(), UInt16(width), UInt16(height))
  }

  func repeatRows(first: Int, last: Int) throws(XLSXError) {
    try check(
      worksheet_repeat_rows(try sheet(), lxw_row_t(first), lxw_row_t(last)),
      "worksheet_repeat_rows")
  }

  func setMargins(left: Double, right: Double, top: Double, bottom: Double) throws(XLSXError) {
    worksheet_set_margins(try sheet(), left, right, top, bottom)
  }

  func setHeader(_ text: String) throws(XLSXError) {
    let sheet = try sheet()
    try check(text.withCString { worksheet_set_header(sheet, $0) }, "worksheet_set_header")
  }

  func setFooter(_ text: String) throws(XLSXError) {
    let sheet = try sheet()
    try check(text.withCString { worksheet_set_footer(sheet, $0) }, "worksheet_set_footer")
  }

  func hideGridlines() throws(XLSXError) {
    worksheet_gridlines(try sheet(), u8(LXW_HIDE_ALL_GRIDLINES))
  }

  func setTabColor(_ color: RGBColor) throws(XLSXError) {
    worksheet_set_tab_color(try sheet(), color.rgb)
  }

  func protect(password: String?, options: SheetProtection) throws(XLSXError) {
    let sheet = try sheet()
    var protection = lxw_protection()
    protection.no_select_locked_cells = options.allowsSelectingLockedCells ? 0 : 1
    protection.no_select_unlocked_cells = options.allowsSelectingUnlockedCells ? 0 : 1
    protection.format_cells = options.allowsFormattingCells ? 1 : 0
    protection.format_columns = options.allowsFormattingColumns ? 1 : 0
    protection.format_rows = options.allowsFormattingRows ? 1 : 0
    protection.insert_rows = options.allowsInsertingRows ? 1 : 0
    protection.delete_rows = options.allowsDeletingRows ? 1 : 0
    protection.sort = options.allowsSorting ? 1 : 0
    protection.autofilter = options.allowsAutoFilter ? 1 : 0
    if let password {
      password.withCString { worksheet_protect(sheet, $0, &protection) }
    } else {
      worksheet_protect(sheet, nil, &protection)
    }
  }

  func dataValidation(_ range: CellRange, _ validation: DataValidation) throws(XLSXError) {
    let sheet = try sheet()
    try workbook.requireUnfrozen("a data validation")
    var v = lxw_data_validation()
    v.ignore_blank = u8(validation.ignoresBlank ? LXW_VALIDATION_ON : LXW_VALIDATION_OFF)
    v.show_input = u8(validation.inputMessage == nil ? LXW_VALIDATION_OFF : LXW_VALIDATION_ON)
    v.show_error = u8(LXW_VALIDATION_ON)
    switch validation.errorStyle {
    case .stop: v.error_type = u8(LXW_VALIDATION_ERROR_TYPE_STOP)
    case .warning: v.error_type = u8(LXW_VALIDATION_ERROR_TYPE_WARNING)
    case .information: v.error_type = u8(LXW_VALIDATION_ERROR_TYPE_INFORMATION)
    }
    v.input_title = validation.inputTitle.flatMap { workbook.retain(TextEscaping.plainText($0)) }
    v.input_message =
      validation.inputMessage.flatMap { workbook.retain(TextEscaping.plainText($0)) }
    v.error_title = validation.errorTitle.flatMap { workbook.retain(TextEscaping.plainText($0)) }
    v.error_message =
      validation.errorMessage.flatMap { workbook.retain(TextEscaping.plainText($0)) }

    switch validation.rule {
    case .anyValue:
      v.validate = u8(LXW_VALIDATION_TYPE_ANY)
    case .decimal(let criterion), .wholeNumber(let criterion):
      let isWhole: Bool
      if case .wholeNumber = validation.rule { isWhole = true } else { isWhole = false }
      let bounds = criterion.bounds
      let usesFormula = bounds.contains { if case .formula = $0 { true } else { false } }
      if usesFormula {
        v.validate = u8(
          isWhole ? LXW_VALIDATION_TYPE_INTEGER_FORMULA : LXW_VALIDATION_TYPE_DECIMAL_FORMULA)
      } else {
        v.validate = u8(isWhole ? LXW_VALIDATION_TYPE_INTEGER : LXW_VALIDATION_TYPE_DECIMAL)
      }
      func number(_ bound: DataValidation.Bound) -> Double {
        if case .number(let value) = bound { return value }
        return 0
      }
      func formula(_ bound: DataValidation.Bound) -> UnsafeMutablePointer<CChar>? {
        switch bound {
        case .number(let value): return workbook.retain(Worksheet.formulaLiteral(value))
        case .formula(let text): return workbook.retain(text)
        }
      }
      switch criterion {
      case .greaterThanOrEqual:
        v.criteria = u8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO)
      case .lessThanOrEqual: v.criteria = u8(LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO)
      case .greaterThan: v.criteria = u8(LXW_VALIDATION_CRITERIA_GREATER_THAN)
      case .lessThan: v.criteria = u8(LXW_VALIDATION_CRITERIA_LESS_THAN)
      case .between: v.criteria = u8(LXW_VALIDATION_CRITERIA_BETWEEN)
      }
      if case .between(let low, let high) = criterion {
        if usesFormula {
          v.minimum_formula = formula(low)
          v.maximum_formula = formula(high)
        } else {
          v.minimum_number = number(low)
          v.maximum_number = number(high)
        }
      } else if let bound = bounds.first {
        if usesFormula { v.value_formula = formula(bound) } else { v.value_number = number(bound) }
      }
    }
    try check(
      worksheet_data_validation_range(
        sheet, lxw_row_t(range.first.row), lxw_col_t(range.first.col),
        lxw_row_t(range.last.row), lxw_col_t(range.last.col), &v),
      "worksheet_data_validation_range")
  }

  func conditionalFormat(_ range: CellRange, rule: ConditionalRule, style: CellStyle)
    throws(XLSXError)
  {
    let sheet = try sheet()
    try workbook.requireUnfrozen("a conditional format")
    var c = lxw_conditional_format()
    c.type = u8(LXW_CONDITIONAL_TYPE_CELL)
    c.format = try workbook.format(for: style)
    switch rule {
    case .greaterThanOrEqual(let value):
      c.criteria = u8(LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO)
      c.value = value
    case .greaterThan(let value):
      c.criteria = u8(LXW_CONDITIONAL_CRITERIA_GREATER_THAN)
      c.value = value
    case .lessThan(let value):
      c.criteria = u8(LXW_CONDITIONAL_CRITERIA_LESS_THAN)
      c.value = value
    case .lessThanOrEqual(let value):
      c.criteria = u8(LXW_CONDITIONAL_CRITERIA_LESS_THAN_OR_EQUAL_TO)
      c.value = value
    case .equal(let value):
      c.criteria = u8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO)
      c.value = value
    case .between(let low, let high):
      c.criteria = u8(LXW_CONDITIONAL_CRITERIA_BETWEEN)
      c.min_value = low
      c.max_value = high
    }
    try check(
      worksheet_conditional_format_range(
        sheet, lxw_row_t(range.first.row), lxw_col_t(range.first.col),
        lxw_row_t(range.last.row), lxw_col_t(range.last.col), &c),
      "worksheet_conditional_format_range")
  }

  func insertChart(_ spec: ChartSpec, at cell: CellAddress) throws(XLSXError) {
    let sheet = try sheet()
    let chart = try workbook.addChart(spec.kind)
    guard let series = chart_add_series(chart, nil, nil) else {
      throw .outOfMemory(operation: "chart_add_series")
    }
    let dataSheet = workbook.retain(spec.dataSheet ?? name)
    chart_series_set_categories(
      series, dataSheet, lxw_row_t(spec.categories.first.row),
      lxw_col_t(spec.categories.first.col), lxw_row_t(spec.categories.last.row),
      lxw_col_t(spec.categories.last.col))
    chart_series_set_values(
      series, dataSheet, lxw_row_t(spec.values.first.row), lxw_col_t(spec.values.first.col),
      lxw_row_t(spec.values.last.row), lxw_col_t(spec.values.last.col))
    if let seriesName = spec.seriesName {
      chart_series_set_name(series, workbook.retain(TextEscaping.plainText(seriesName)))
    }
    if let title = spec.title {
      chart_title_set_name(chart, workbook.retain(TextEscaping.plainText(title)))
    }
    var options = lxw_chart_options()
    options.x_scale = spec.scale
    options.y_scale = spec.scale
    try check(
      worksheet_insert_chart_opt(sheet, lxw_row_t(cell.row), lxw_col_t(cell.col), chart, &options),
      "worksheet_insert_chart_opt")
  }
}
