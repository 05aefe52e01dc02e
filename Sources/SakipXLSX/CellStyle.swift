/// An RGB colour such as `RGBColor(0xC6EFCE)`.
public struct RGBColor: Hashable, Sendable {
  /// The colour as `0xRRGGBB`.
  public var rgb: UInt32

  /// Creates a colour from `0xRRGGBB` (higher bits are ignored).
  public init(_ rgb: UInt32) { self.rgb = rgb & 0xFF_FFFF }
}

/// How a cell's content is placed horizontally.
public enum HorizontalAlignment: Hashable, Sendable {
  case left, center, right, fill, justify, centerAcross
}

/// How a cell's content is placed vertically.
public enum VerticalAlignment: Hashable, Sendable {
  case top, center, bottom
}

/// The look of a cell, as a value: equal styles share one libxlsxwriter format
/// (`workbook_add_format` is called once per distinct style in a workbook).
///
/// The default value is Excel's default cell: no format is attached to it at all.
/// Cells are locked by default (as in Excel); locking only takes effect once the sheet is
/// protected with `Worksheet.protect(password:options:)`.
public struct CellStyle: Hashable, Sendable {
  /// Bold font (`format_set_bold`).
  public var isBold: Bool
  /// Italic font (`format_set_italic`).
  public var isItalic: Bool
  /// Font size in points, nil for the default 11 (`format_set_font_size`).
  public var fontSize: Double?
  /// Font colour (`format_set_font_color`).
  public var fontColor: RGBColor?
  /// Solid background fill (`format_set_pattern` solid + `format_set_bg_color`).
  public var fillColor: RGBColor?
  /// A thin border on all four sides (`format_set_border(LXW_BORDER_THIN)`).
  public var hasThinBorder: Bool
  /// Horizontal alignment (`format_set_align`).
  public var horizontalAlignment: HorizontalAlignment?
  /// Vertical alignment (`format_set_align`).
  public var verticalAlignment: VerticalAlignment?
  /// Wrap long text onto several lines (`format_set_text_wrap`).
  public var wrapsText: Bool
  /// An Excel number format such as `#,##0`, `#,##0.00` or `0.00` (`format_set_num_format`);
  /// at most 127 bytes of UTF-8 (libxlsxwriter's buffer, longer would be cut silently).
  public var numberFormat: String?
  /// Whether the cell is locked when the sheet is protected; true by default as in Excel
  /// (`format_set_unlocked` when false).
  public var isLocked: Bool
  /// Indent level 0…15 (`format_set_indent`).
  public var indent: Int

  /// Creates a style; every argument defaults to Excel's default cell.
  public init(
    isBold: Bool = false, isItalic: Bool = false, fontSize: Double? = nil,
    fontColor: RGBColor? = nil, fillColor: RGBColor? = nil, hasThinBorder: Bool = false,
    horizontalAlignment: HorizontalAlignment? = nil, verticalAlignment: VerticalAlignment? = nil,
    wrapsText: Bool = false, numberFormat: String? = nil, isLocked: Bool = true, indent: Int = 0
  ) {
    self.isBold = isBold
    self.isItalic = isItalic
    self.fontSize = fontSize
    self.fontColor = fontColor
    self.fillColor = fillColor
    self.hasThinBorder = hasThinBorder
    self.horizontalAlignment = horizontalAlignment
    self.verticalAlignment = verticalAlignment
    self.wrapsText = wrapsText
    self.numberFormat = numberFormat
    self.isLocked = isLocked
    self.indent = indent
  }

  /// Excel's default cell style.
  public static let `default` = CellStyle()

  /// Checks the values libxlsxwriter would accept silently wrong.
  func validate() throws(XLSXError) {
    if let numberFormat, numberFormat.utf8.count > 127 {
      throw .textTooLong(field: "number format", length: numberFormat.utf8.count, limit: 127)
    }
    if let fontSize, !(fontSize.isFinite && fontSize >= 1 && fontSize <= 409) {
      throw .invalidArgument("font size \(fontSize) is outside 1…409 points")
    }
    guard (0...15).contains(indent) else {
      throw .invalidArgument("indent \(indent) is outside 0…15")
    }
  }
}

/// A `CellStyle` registered with one workbook (`Workbook.format(_:)`): writing a cell with
/// it costs an array index instead of hashing the style, which matters at millions of cells.
/// Valid only in the workbook that made it; using it in another throws.
public struct CellFormat: Hashable, Sendable {
  /// The workbook's token (0 for `none`).
  let workbook: UInt64
  /// The style's number in its workbook; −1 for the default style.
  let number: Int

  /// The default style: no format attached (valid in every workbook).
  static let none = CellFormat(workbook: 0, number: -1)

  /// Whether this is Excel's default cell (no format at all).
  public var isDefault: Bool { number < 0 }
}
