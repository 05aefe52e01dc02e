/// The cell a merged value came from: its file and column by number in their `NameTable`s.
struct CellPlace: Hashable, Sendable {
  var file: UInt32
  var column: UInt32
  var line: Int
}

/// A merged cell in 16 bytes, and an optional one in 16 too (the `kind` byte has values to
/// spare for `nil`): the value's bits, whether it was unreadable, and its place packed in 55
/// bits — line below 2²⁵ − 1, file number below 2¹⁹, column number below 2¹¹.
///
/// A place that does not fit (a longer file, more forms or headers, a negative line) is not
/// cut: the cell says it is spilled and its `CellGrid` keeps the place aside.
struct CompactCell: Sendable {
  /// A number's bits, or a text's number in the `TextPool`; 0 when not reported.
  private var payload: UInt64
  /// The bits of `packed`, in three fields so the struct stays 16 bytes.
  private var packedLow: UInt32
  private var packedMiddle: UInt16
  private var packedHigh: UInt8
  private var kind: Kind

  private enum Kind: UInt8 {
    case notReported, number, text
  }

  static let lineBits = 25
  static let fileBits = 19
  static let columnBits = 11
  /// The line field's value for a spilled place.
  private static let spilledLine = UInt64(1) << lineBits - 1

  /// `value` (a text goes into `texts`) from the cell at `place`, spilled when `place` does
  /// not fit.
  init(_ value: ReportedValue, isInvalid: Bool, place: CellPlace, texts: inout TextPool) {
    switch value {
    case .notReported: (kind, payload) = (.notReported, 0)
    case .number(let number): (kind, payload) = (.number, number.bitPattern)
    case .text(let text): (kind, payload) = (.text, UInt64(texts.number(of: text)))
    }
    var packed: UInt64 = isInvalid ? 1 : 0
    if place.line >= 0, place.line < Self.spilledLine, place.file >> Self.fileBits == 0,
      place.column >> Self.columnBits == 0
    {
      packed |= UInt64(place.line) << 1
      packed |= UInt64(place.file) << (1 + Self.lineBits)
      packed |= UInt64(place.column) << (1 + Self.lineBits + Self.fileBits)
    } else {
      packed |= Self.spilledLine << 1
    }
    packedLow = UInt32(truncatingIfNeeded: packed)
    packedMiddle = UInt16(truncatingIfNeeded: packed >> 32)
    packedHigh = UInt8(truncatingIfNeeded: packed >> 48)
  }

  /// Bit 0 the invalid flag, then the line (`lineBits`, all ones when spilled), the file number
  /// (`fileBits`) and the column number (`columnBits`): 56 bits.
  private var packed: UInt64 {
    UInt64(packedLow) | UInt64(packedMiddle) << 32 | UInt64(packedHigh) << 48
  }

  /// The value, its text taken from `texts`.
  func value(in texts: TextPool) -> ReportedValue {
    switch kind {
    case .notReported: .notReported
    case .number: .number(Double(bitPattern: payload))
    case .text: .text(texts[UInt32(truncatingIfNeeded: payload)])
    }
  }

  /// The number reported, without looking at texts.
  var number: Double? { kind == .number ? Double(bitPattern: payload) : nil }

  var isInvalid: Bool { packed & 1 == 1 }

  /// The place, or `nil` when it is spilled.
  var place: CellPlace? {
    let packed = packed
    let line = packed >> 1 & Self.spilledLine
    if line == Self.spilledLine { return nil }
    return CellPlace(
      file: UInt32(truncatingIfNeeded: packed >> (1 + Self.lineBits) & (1 << Self.fileBits - 1)),
      column: UInt32(truncatingIfNeeded: packed >> (1 + Self.lineBits + Self.fileBits)),
      line: Int(line))
  }
}

/// One `CompactCell` per (indicator, quarter) up to the reporting quarter — the realisations, or
/// the budgets — with the places too large to pack kept aside.
struct CellGrid: Sendable {
  private var cells: QuarterGrid<CompactCell>
  /// The places of spilled cells, by `key(indicator, quarter)`.
  private var spilledPlaces: [Int: CellPlace] = [:]

  init(indicators: Int, through period: Quarter) {
    cells = QuarterGrid(indicators: indicators, through: period)
  }

  /// Whether cells of `quarter` are kept: those after the reporting quarter are not.
  func keeps(_ quarter: Quarter) -> Bool { quarter.rawValue <= cells.quarters }

  /// The cell of an indicator in a quarter, with its place.
  subscript(indicator: Int, quarter: Quarter) -> (cell: CompactCell, place: CellPlace)? {
    guard let cell = cells[indicator, quarter] else { return nil }
    guard let place = cell.place ?? spilledPlaces[Self.key(indicator, quarter)] else { return nil }
    return (cell, place)
  }

  /// Puts `cell` from `place` in the slot of an indicator in a quarter, replacing what is there.
  mutating func set(_ cell: CompactCell, from place: CellPlace, of indicator: Int, in quarter: Quarter) {
    guard keeps(quarter) else { return }
    cells[indicator, quarter] = cell
    if cell.place == nil {
      spilledPlaces[Self.key(indicator, quarter)] = place
    } else if !spilledPlaces.isEmpty {
      spilledPlaces[Self.key(indicator, quarter)] = nil
    }
  }

  /// Calls `body` with each cell of an indicator in quarter order, without its place (what
  /// measuring needs, with no dictionary made).
  func forEachCell(of indicator: Int, _ body: (Quarter, CompactCell) -> Void) {
    for quarter in Quarter.allCases.prefix(cells.quarters) {
      if let cell = cells[indicator, quarter] { body(quarter, cell) }
    }
  }

  /// The cells of an indicator, by quarter.
  func cells(of indicator: Int) -> [Quarter: (cell: CompactCell, place: CellPlace)] {
    var cells: [Quarter: (cell: CompactCell, place: CellPlace)] = [:]
    for quarter in Quarter.allCases.prefix(self.cells.quarters) {
      if let cell = self[indicator, quarter] { cells[quarter] = cell }
    }
    return cells
  }

  /// Four quarters a year per indicator, whatever the reporting quarter.
  private static func key(_ indicator: Int, _ quarter: Quarter) -> Int {
    indicator * 4 + quarter.rawValue - 1
  }
}
