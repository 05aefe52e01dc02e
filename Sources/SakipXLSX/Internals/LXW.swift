// The only place (with LXW+Worksheet.swift) that imports libxlsxwriter. Every C call goes
// through `check(_:_:)`; every C pointer is owned by one handle class and never leaves it.
internal import CXLSXWriter
import Foundation

/// Throws the `XLSXError` matching a libxlsxwriter status; returns on `LXW_NO_ERROR`.
func check(_ status: lxw_error, _ operation: StaticString = #function) throws(XLSXError) {
  guard status != LXW_NO_ERROR else { return }
  throw XLSXError(status: status, operation: "\(operation)")
}

extension XLSXError {
  /// Maps a libxlsxwriter status to its family, with the library's own message.
  init(status: lxw_error, operation: String) {
    let message = lxw_strerror(status).map { String(cString: $0) } ?? "error \(status.rawValue)"
    switch status {
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
      self = .outOfMemory(operation: operation)
    case LXW_ERROR_CREATING_XLSX_FILE, LXW_ERROR_CREATING_TMPFILE, LXW_ERROR_READING_TMPFILE:
      self = .fileCreation(operation: operation, message: message)
    case LXW_ERROR_ZIP_FILE_OPERATION, LXW_ERROR_ZIP_PARAMETER_ERROR, LXW_ERROR_ZIP_BAD_ZIP_FILE,
      LXW_ERROR_ZIP_INTERNAL_ERROR, LXW_ERROR_ZIP_FILE_ADD, LXW_ERROR_ZIP_CLOSE:
      self = .zip(operation: operation, message: message)
    case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED, LXW_ERROR_INVALID_SHEETNAME_CHARACTER,
      LXW_ERROR_SHEETNAME_START_END_APOSTROPHE, LXW_ERROR_SHEETNAME_ALREADY_USED,
      LXW_ERROR_32_STRING_LENGTH_EXCEEDED, LXW_ERROR_128_STRING_LENGTH_EXCEEDED,
      LXW_ERROR_255_STRING_LENGTH_EXCEEDED, LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
      self = .libraryLimit(operation: operation, message: message)
    case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
      self = .libraryIndexOutOfRange(operation: operation, message: message)
    default:
      self = .invalidParameter(operation: operation, message: message)
    }
  }
}

/// The raw value of a libxlsxwriter enum constant as the `uint8_t` its setters take.
func u8<T: RawRepresentable>(_ constant: T) -> UInt8 where T.RawValue: BinaryInteger {
  UInt8(truncatingIfNeeded: constant.rawValue)
}

/// Owns one `lxw_workbook`: its pointer, the formats made for each distinct `CellStyle`, and
/// C copies of strings the library keeps pointers to until `workbook_close`.
///
/// Each distinct style is registered once and gets a number (its `CellFormat`); the
/// libxlsxwriter format behind a number is made the first time a cell uses it, so formats
/// are created in the order cells first use them whether a caller passes `CellStyle`s or
/// `CellFormat`s (that order decides the `styles.xml` a workbook gets) — except that
/// `freezeFormats()` makes and numbers every registered one at once, in registration order.
///
/// Not `Sendable`: a workbook is built on one thread inside `Workbook.write`, except while
/// its formats are frozen (`freezeFormats()`): then nothing here changes, and sheets may be
/// filled on several threads (`Workbook.fillConcurrently(_:)`).
final class WorkbookHandle {
  private var pointer: UnsafeMutablePointer<lxw_workbook>?
  /// Tells this workbook's `CellFormat`s from another's.
  let token = UInt64.random(in: 1...UInt64.max)
  /// The number of each registered style, the styles in that order, and their formats once
  /// made (nil until first used).
  private var styleNumbers: [CellStyle: Int] = [:]
  private var registeredStyles: [CellStyle] = []
  private var formats: [UnsafeMutablePointer<lxw_format>?] = []
  private var cStrings: [UnsafeMutablePointer<CChar>] = []
  /// Whether every registered style has its format and number and no other may be added.
  private(set) var formatsAreFrozen = false

  /// Opens a workbook at `path` (`workbook_new_opt`); libxlsxwriter's temporary files go to
  /// `temporaryDirectory`.
  init(path: String, options: WorkbookOptions, temporaryDirectory: String) throws(XLSXError) {
    var cOptions = lxw_workbook_options()
    cOptions.constant_memory = options.constantMemory ? 1 : 0
    cOptions.use_zip64 = 0
    cOptions.tmpdir = nil
    let tmpdir = retain(temporaryDirectory)
    cOptions.tmpdir = tmpdir
    let workbook = path.withCString { workbook_new_opt($0, &cOptions) }
    guard let workbook else {
      freeStrings()
      throw .fileCreation(operation: "workbook_new_opt", message: "cannot create \(path)")
    }
    pointer = workbook

    var properties = lxw_doc_properties()
    properties.title = options.title.flatMap { retain(TextEscaping.plainText($0)) }
    properties.author = options.author.flatMap { retain(TextEscaping.plainText($0)) }
    properties.company = options.company.flatMap { retain(TextEscaping.plainText($0)) }
    if let date = options.creationDate {
      // `created == 0` means "now" to libxlsxwriter, so the epoch itself is nudged by 1 s.
      properties.created = max(1, time_t(date.timeIntervalSince1970.rounded(.down)))
    }
    do {
      try check(workbook_set_properties(workbook, &properties), "workbook_set_properties")
    } catch {
      discard()
      throw error
    }
  }

  deinit {
    // `Workbook.write` always closes or discards; reaching here open is a bug.
    assert(pointer == nil, "WorkbookHandle released while open")
    if let pointer { lxw_workbook_free(pointer) }
    freeStrings()
  }

  /// Whether `workbook_close`/`lxw_workbook_free` has not been called yet.
  var isOpen: Bool { pointer != nil }

  /// The open workbook, or `XLSXError.workbookClosed`.
  func open() throws(XLSXError) -> UnsafeMutablePointer<lxw_workbook> {
    guard let pointer else { throw .workbookClosed }
    return pointer
  }

  /// A C copy of `text` that lives until the workbook is closed.
  func retain(_ text: String) -> UnsafeMutablePointer<CChar>? {
    assert(!formatsAreFrozen, "a C string retained while sheets are filled concurrently")
    guard let copy = strdup(text) else { return nil }
    cStrings.append(copy)
    return copy
  }

  private func freeStrings() {
    for string in cStrings { free(string) }
    cStrings.removeAll()
  }

  /// Writes the file and frees the workbook (`workbook_close`).
  func close() throws(XLSXError) {
    guard let workbook = pointer else { throw .workbookClosed }
    pointer = nil
    forgetFormats()
    defer { freeStrings() }
    try check(workbook_close(workbook), "workbook_close")
  }

  /// Drops the registered styles and their formats (libxlsxwriter frees the formats with the
  /// workbook); a format used afterwards finds the workbook closed.
  private func forgetFormats() {
    styleNumbers.removeAll()
    registeredStyles.removeAll()
    formats.removeAll()
  }

  /// Frees the workbook without writing a file (`lxw_workbook_free`).
  func discard() {
    guard let workbook = pointer else { return }
    pointer = nil
    forgetFormats()
    lxw_workbook_free(workbook)
    freeStrings()
  }

  /// Adds a worksheet (`workbook_add_worksheet`); the name must already be validated.
  func addWorksheet(named name: String) throws(XLSXError) -> WorksheetHandle {
    let workbook = try open()
    try requireUnfrozen("a sheet added")
    let sheet = name.withCString { workbook_add_worksheet(workbook, $0) }
    guard let sheet else {
      throw .invalidParameter(
        operation: "workbook_add_worksheet", message: "libxlsxwriter refused sheet \"\(name)\"")
    }
    return WorksheetHandle(workbook: self, pointer: sheet, name: name)
  }

  /// Registers `style` (checked once, numbered once per distinct style) without making its
  /// libxlsxwriter format yet; the default style is `CellFormat.none`.
  func register(_ style: CellStyle?) throws(XLSXError) -> CellFormat {
    guard pointer != nil else { throw .workbookClosed }
    guard let style, style != .default else { return .none }
    if let number = styleNumbers[style] { return CellFormat(workbook: token, number: number) }
    try requireUnfrozen("a new cell style")
    try style.validate()
    let number = registeredStyles.count
    styleNumbers[style] = number
    registeredStyles.append(style)
    formats.append(nil)
    return CellFormat(workbook: token, number: number)
  }

  /// The format for `style`, created once per distinct style (`workbook_add_format`);
  /// nil (no format) for the default style.
  func format(for style: CellStyle?) throws(XLSXError) -> UnsafeMutablePointer<lxw_format>? {
    try format(for: register(style))
  }

  /// The libxlsxwriter format of a registered style, made the first time it is asked for;
  /// nil (no format) for `CellFormat.none`.
  func format(for cellFormat: CellFormat) throws(XLSXError) -> UnsafeMutablePointer<lxw_format>? {
    guard cellFormat.number >= 0 else { return nil }
    guard pointer != nil else { throw .workbookClosed }
    guard cellFormat.workbook == token, cellFormat.number < formats.count else {
      throw .invalidArgument("a cell format of another workbook was used")
    }
    if let made = formats[cellFormat.number] { return made }
    try requireUnfrozen("a cell format made")
    let format = try makeFormat(registeredStyles[cellFormat.number])
    formats[cellFormat.number] = format
    return format
  }

  /// Makes the format of every registered style and numbers them in the order the styles were
  /// registered (`lxw_format_get_xf_index`), then accepts no new style until `thawFormats()`.
  /// libxlsxwriter otherwise numbers a format when a cell using it is first written out, in
  /// a table shared by all sheets: frozen, sheets can be written on several threads, and the
  /// numbering (hence `styles.xml`) does not depend on which thread got there first.
  func freezeFormats() throws(XLSXError) {
    try requireUnfrozen("a second concurrent fill started")
    for number in registeredStyles.indices {
      if let format = try format(for: CellFormat(workbook: token, number: number)) {
        _ = lxw_format_get_xf_index(format)
      }
    }
    formatsAreFrozen = true
  }

  /// Accepts new styles again after `freezeFormats()`.
  func thawFormats() { formatsAreFrozen = false }

  /// Throws unless the workbook may change: what touches libxlsxwriter's workbook-wide tables
  /// (differential formats, retained strings) waits until sheets are no longer filled
  /// concurrently.
  func requireUnfrozen(_ what: String) throws(XLSXError) {
    guard !formatsAreFrozen else {
      throw .invalidArgument("\(what) while sheets are filled concurrently")
    }
  }

  /// Creates the libxlsxwriter format of a checked, registered style (`workbook_add_format`).
  private func makeFormat(_ style: CellStyle) throws(XLSXError) -> UnsafeMutablePointer<lxw_format> {
    guard let format = workbook_add_format(try open()) else {
      throw .outOfMemory(operation: "workbook_add_format")
    }
    if style.isBold { format_set_bold(format) }
    if style.isItalic { format_set_italic(format) }
    if let size = style.fontSize { format_set_font_size(format, size) }
    if let color = style.fontColor { format_set_font_color(format, color.rgb) }
    if let fill = style.fillColor {
      format_set_pattern(format, u8(LXW_PATTERN_SOLID))
      format_set_bg_color(format, fill.rgb)
    }
    if style.hasThinBorder { format_set_border(format, u8(LXW_BORDER_THIN)) }
    if let alignment = style.horizontalAlignment {
      let value: lxw_format_alignments
      switch alignment {
      case .left: value = LXW_ALIGN_LEFT
      case .center: value = LXW_ALIGN_CENTER
      case .right: value = LXW_ALIGN_RIGHT
      case .fill: value = LXW_ALIGN_FILL
      case .justify: value = LXW_ALIGN_JUSTIFY
      case .centerAcross: value = LXW_ALIGN_CENTER_ACROSS
      }
      format_set_align(format, u8(value))
    }
    if let alignment = style.verticalAlignment {
      let value: lxw_format_alignments
      switch alignment {
      case .top: value = LXW_ALIGN_VERTICAL_TOP
      case .center: value = LXW_ALIGN_VERTICAL_CENTER
      case .bottom: value = LXW_ALIGN_VERTICAL_BOTTOM
      }
      format_set_align(format, u8(value))
    }
    if style.wrapsText { format_set_text_wrap(format) }
    if let numberFormat = style.numberFormat {
      numberFormat.withCString { format_set_num_format(format, $0) }
    }
    if !style.isLocked { format_set_unlocked(format) }
    if style.indent > 0 { format_set_indent(format, UInt8(style.indent)) }
    return format
  }

  /// Adds a chart object to the workbook (`workbook_add_chart`).
  func addChart(_ kind: ChartSpec.Kind) throws(XLSXError) -> UnsafeMutablePointer<lxw_chart> {
    try requireUnfrozen("a chart added")
    let type: lxw_chart_type
    switch kind {
    case .column: type = LXW_CHART_COLUMN
    case .pie: type = LXW_CHART_PIE
    }
    guard let chart = workbook_add_chart(try open(), u8(type)) else {
      throw .outOfMemory(operation: "workbook_add_chart")
    }
    return chart
  }
}
