/// A cell position, zero-based (`row: 0, col: 0` is `A1`), printable and parsable in A1 notation.
public struct CellAddress: Hashable, Sendable, CustomStringConvertible {
  /// The zero-based row.
  public var row: Int
  /// The zero-based column.
  public var col: Int

  /// Creates an address from zero-based row and column.
  public init(row: Int, col: Int) {
    self.row = row
    self.col = col
  }

  /// Parses `B2`, `$B$2` or `xfd1048576`; returns nil for anything else.
  public init?(_ a1: String) {
    var letters = 0
    var col = 0
    var row = 0
    var digits = 0
    for scalar in a1.unicodeScalars where scalar != "$" {
      switch scalar.value {
      case 0x41...0x5A, 0x61...0x7A:
        guard digits == 0, letters < 3 else { return nil }
        col = col * 26 + Int(scalar.value & 0x1F)
        letters += 1
      case 0x30...0x39:
        guard letters > 0, digits < 7 else { return nil }
        row = row * 10 + Int(scalar.value - 0x30)
        digits += 1
      default:
        return nil
      }
    }
    guard letters > 0, digits > 0, row > 0 else { return nil }
    self.init(row: row - 1, col: col - 1)
  }

  /// The column letters: `A`, `Z`, `AA`, … `XFD` (empty for a negative column).
  public static func columnName(_ col: Int) -> String {
    if col >= 0, col < columnNames.count { return columnNames[col] }
    return spelledColumnName(col)
  }

  /// The letters of every column of the grid, spelled once: formulas name a column per cell,
  /// and each name is at most three letters, held inline in its `String` (no allocation).
  private static let columnNames: [String] = (0..<Worksheet.maxColumns).map(spelledColumnName)

  /// Spells a column's letters in bijective base 26.
  static func spelledColumnName(_ col: Int) -> String {
    var n = col + 1
    var letters = String.UnicodeScalarView()
    while n > 0 {
      letters.append(Unicode.Scalar(UInt8(65 + (n - 1) % 26)))
      n = (n - 1) / 26
    }
    return String(String.UnicodeScalarView(letters.reversed()))
  }

  /// The address in A1 notation, e.g. `B2`.
  public var description: String {
    var text = ""
    appendA1(to: &text)
    return text
  }

  /// The address in absolute A1 notation, e.g. `$B$2` (for formulas).
  public var absolute: String {
    var text = ""
    appendA1(to: &text, absolute: true)
    return text
  }

  /// Appends the address to `text` in A1 notation, `B2`, or absolute, `$B$2`: formula text
  /// built in one buffer, without a `String` per reference.
  public func appendA1(to text: inout String, absolute: Bool = false) {
    if absolute { text.append("$") }
    text.append(CellAddress.columnName(col))
    if absolute { text.append("$") }
    text.append(String(row + 1))
  }

  /// Whether the address lies inside Excel's grid.
  public var isInsideGrid: Bool {
    (0..<Worksheet.maxRows).contains(row) && (0..<Worksheet.maxColumns).contains(col)
  }
}

/// A rectangular block of cells from `first` (top left) to `last` (bottom right), inclusive.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
  /// The top-left cell.
  public var first: CellAddress
  /// The bottom-right cell.
  public var last: CellAddress

  /// Creates a range from its corner cells.
  public init(first: CellAddress, last: CellAddress) {
    self.first = first
    self.last = last
  }

  /// Creates a range from zero-based corner coordinates.
  public init(firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int) {
    self.init(
      first: CellAddress(row: firstRow, col: firstCol),
      last: CellAddress(row: lastRow, col: lastCol))
  }

  /// Parses `A1:C10` or a single cell `B2`; returns nil for anything else.
  public init?(_ a1: String) {
    let parts = a1.split(separator: ":", omittingEmptySubsequences: false)
    switch parts.count {
    case 1:
      guard let cell = CellAddress(String(parts[0])) else { return nil }
      self.init(first: cell, last: cell)
    case 2:
      guard let first = CellAddress(String(parts[0])), let last = CellAddress(String(parts[1]))
      else { return nil }
      self.init(first: first, last: last)
    default:
      return nil
    }
  }

  /// The range in A1 notation: `A1:C10`, or `B2` for a single cell.
  public var description: String {
    first == last ? first.description : "\(first):\(last)"
  }

  /// The number of rows the range covers.
  public var rowCount: Int { last.row - first.row + 1 }
  /// The number of columns the range covers.
  public var columnCount: Int { last.col - first.col + 1 }
}
