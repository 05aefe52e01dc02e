/// An error from writing a workbook: either libxlsxwriter reported a failure (one case per
/// family of `lxw_error`), or a Swift-side check refused input that the C library would have
/// written silently wrong (NaN, over-long text, invalid sheet names, rows out of order).
public enum XLSXError: Error, Equatable, Sendable, CustomStringConvertible {

  // MARK: libxlsxwriter's own errors, by family of `lxw_error`

  /// `LXW_ERROR_MEMORY_MALLOC_FAILED`.
  case outOfMemory(operation: String)
  /// `LXW_ERROR_CREATING_XLSX_FILE`, `…_CREATING_TMPFILE`, `…_READING_TMPFILE`.
  case fileCreation(operation: String, message: String)
  /// `LXW_ERROR_ZIP_*`: the zip container could not be assembled.
  case zip(operation: String, message: String)
  /// `LXW_ERROR_SHEETNAME_*`, `…_32/128/255_STRING_LENGTH_EXCEEDED`,
  /// `…_MAX_STRING_LENGTH_EXCEEDED`: a limit the Swift checks should have caught first.
  case libraryLimit(operation: String, message: String)
  /// `LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE` (also: a row written out of order in
  /// constant-memory mode).
  case libraryIndexOutOfRange(operation: String, message: String)
  /// `LXW_ERROR_PARAMETER_VALIDATION`, `…_NULL_PARAMETER_IGNORED`,
  /// `…_FEATURE_NOT_SUPPORTED` and any other code.
  case invalidParameter(operation: String, message: String)

  // MARK: Swift-side checks

  /// A number that is NaN or infinite; libxlsxwriter would write `NAN`/`INF`, which Excel
  /// refuses to open.
  case nonFiniteNumber(row: Int, col: Int)
  /// A cell text longer than Excel's 32,767 characters (counted in UTF-16 units, as Excel does).
  case stringTooLong(row: Int, col: Int, length: Int)
  /// A text other than a cell (message, title, header, number format…) over its Excel limit.
  case textTooLong(field: String, length: Int, limit: Int)
  /// A sheet name that breaks one of Excel's rules.
  case invalidSheetName(name: String, reason: String)
  /// A cell outside Excel's grid (`Worksheet.maxRows` × `Worksheet.maxColumns`), or a range
  /// whose first cell is after its last.
  case cellOutOfRange(row: Int, col: Int)
  /// In constant-memory mode a row was written after a later row had been started.
  case rowWrittenOutOfOrder(row: Int, currentRow: Int)
  /// An argument that makes no sense (negative width, empty chart range…).
  case invalidArgument(String)
  /// The workbook or worksheet was used after `Workbook.write` returned.
  case workbookClosed
  /// The written file is not a well-formed XLSX package.
  case verificationFailed(reason: String)
  /// A file-system operation on the target or its temporary files failed.
  case io(path: String, reason: String)

  /// A plain-language description of what went wrong.
  public var description: String {
    switch self {
    case .outOfMemory(let operation):
      return "\(operation): out of memory"
    case .fileCreation(let operation, let message),
      .zip(let operation, let message),
      .libraryLimit(let operation, let message),
      .libraryIndexOutOfRange(let operation, let message),
      .invalidParameter(let operation, let message):
      return "\(operation): \(message)"
    case .nonFiniteNumber(let row, let col):
      return "cell \(CellAddress(row: row, col: col)): the number is not finite (NaN or infinity)"
    case .stringTooLong(let row, let col, let length):
      return
        "cell \(CellAddress(row: row, col: col)): text of \(length) characters is longer than Excel's limit of 32767"
    case .textTooLong(let field, let length, let limit):
      return "\(field): text of \(length) characters is longer than the limit of \(limit)"
    case .invalidSheetName(let name, let reason):
      return "invalid sheet name \"\(name)\": \(reason)"
    case .cellOutOfRange(let row, let col):
      return
        "cell (row \(row), column \(col)) is outside Excel's grid of \(Worksheet.maxRows) rows and \(Worksheet.maxColumns) columns"
    case .rowWrittenOutOfOrder(let row, let currentRow):
      return
        "row \(row + 1) written after row \(currentRow + 1): in constant-memory mode rows must be written in increasing order"
    case .invalidArgument(let message):
      return message
    case .workbookClosed:
      return "the workbook is closed: use it only inside the Workbook.write closure"
    case .verificationFailed(let reason):
      return "the written workbook is damaged: \(reason)"
    case .io(let path, let reason):
      return "\(path): \(reason)"
    }
  }
}
