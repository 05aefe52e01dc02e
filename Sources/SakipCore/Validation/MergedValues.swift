/// A value after merging every form, with the cell it came from.
public struct MergedCell: Hashable, Sendable {
  public var value: ReportedValue
  public var file: String
  public var line: Int
  public var column: String
  public var isInvalid: Bool

  public init(value: ReportedValue, file: String, line: Int, column: String, isInvalid: Bool = false) {
    self.value = value
    self.file = file
    self.line = line
    self.column = column
    self.isInvalid = isInvalid
  }
}

/// Where an indicator's row was first found.
public struct RowOrigin: Hashable, Sendable {
  public var file: String
  public var line: Int
}

/// Every form's values merged per (indicator, quarter) (SPEC §3 "Several forms, one
/// indicator"). Conflicts keep the first value and are reported, never chosen silently.
///
/// A province has a hundred thousand indicators and a country two million, so nothing here is a
/// dictionary or a string per indicator: each store is one flat array with a row per indicator,
/// in the definitions' order; a cell is a 16-byte `CompactCell` naming its file and column by
/// number in tables of names, and every text is a number in one `TextPool`.
public struct MergedValues: Sendable {
  /// The row of each indicator in the stores below: its place in the definitions.
  private let rows: CodeIndex
  private var realisationCells: CellGrid
  private var budgetCells: CellGrid
  /// Free text, `textSlots` slots per indicator: a text's number in `texts` plus one, 0 when
  /// none. A later form's text replaces an earlier one (a re-sent form is the newer word).
  private var freeTexts: [UInt32]
  private var origins: RowOrigins
  /// The forms' paths the cells and origins refer to.
  private var files = NameTable()
  /// The column headers the cells refer to.
  private var columns = NameTable()
  /// The free texts and the qualitative realisations.
  private var texts = TextPool()
  /// Free-text slots per indicator, one per field.
  private static let textSlots = FreeTextField.allCases.count

  /// No values yet, for the indicators of `definitions`, keeping the quarters up to `period`.
  public init(for definitions: IndicatorDefinitions, through period: Quarter) {
    rows = definitions.positions
    let count = definitions.indicators.count
    realisationCells = CellGrid(indicators: count, through: period)
    budgetCells = CellGrid(indicators: count, through: period)
    freeTexts = Array(repeating: 0, count: count * Self.textSlots)
    origins = RowOrigins(indicators: count)
  }

  /// The realisation merged for `code` in `quarter`.
  public func realisation(of code: IndicatorCode, in quarter: Quarter) -> MergedCell? {
    rows[code].flatMap { realisationCells[$0, quarter] }.map(cell)
  }

  /// The budget realisation merged for `code` in `quarter`.
  public func budget(of code: IndicatorCode, in quarter: Quarter) -> MergedCell? {
    rows[code].flatMap { budgetCells[$0, quarter] }.map(cell)
  }

  /// Every realisation merged for `code`, by quarter.
  public func realisations(of code: IndicatorCode) -> [Quarter: MergedCell] {
    guard let row = rows[code] else { return [:] }
    return realisationCells.cells(of: row).mapValues(cell)
  }

  /// Every budget realisation merged for `code`, by quarter.
  public func budget(of code: IndicatorCode) -> [Quarter: MergedCell] {
    guard let row = rows[code] else { return [:] }
    return budgetCells.cells(of: row).mapValues(cell)
  }

  /// The free text written for `code` (empty when none).
  public func texts(of code: IndicatorCode) -> FreeTexts {
    rows[code].map(freeTexts(at:)) ?? FreeTexts()
  }

  /// The free text written for the indicator at `index` in the definitions (empty when none).
  public func texts(at index: Int) -> FreeTexts {
    (0..<freeTexts.count / Self.textSlots).contains(index) ? freeTexts(at: index) : FreeTexts()
  }

  /// Where `code`'s row was first found; `nil` when no form has it.
  public func origin(of code: IndicatorCode) -> RowOrigin? {
    rows[code].flatMap { origins[$0] }.map { RowOrigin(file: files[$0.file], line: $0.line) }
  }

  /// The realisations reported, as the measurement engine takes them. A cell that held
  /// something unreadable is text for the engine, so the recap says "not a number" rather than
  /// "not reported".
  public func reportedRealisations(of code: IndicatorCode) -> [Quarter: ReportedValue] {
    rows[code].map(reportedRealisations(at:)) ?? [:]
  }

  /// The budget realisations reported, in rupiah.
  public func reportedBudget(of code: IndicatorCode) -> [Quarter: Double] {
    rows[code].map(reportedBudget(at:)) ?? [:]
  }

  /// The realisations and budget realisations reported for `code`, found once: what measuring
  /// one indicator takes.
  public func reported(of code: IndicatorCode) -> (realisations: [Quarter: ReportedValue], budget: [Quarter: Double]) {
    guard let row = rows[code] else { return ([:], [:]) }
    return (reportedRealisations(at: row), reportedBudget(at: row))
  }

  private func reportedRealisations(at row: Int) -> [Quarter: ReportedValue] {
    var reported = [Quarter: ReportedValue](minimumCapacity: 4)
    realisationCells.forEachCell(of: row) { quarter, cell in
      if cell.isInvalid {
        reported[quarter] = .text("")
      } else {
        let value = cell.value(in: texts)
        if value.isReported { reported[quarter] = value }
      }
    }
    return reported
  }

  private func reportedBudget(at row: Int) -> [Quarter: Double] {
    var reported = [Quarter: Double](minimumCapacity: 4)
    budgetCells.forEachCell(of: row) { quarter, cell in
      if let number = cell.number { reported[quarter] = number }
    }
    return reported
  }

  // MARK: Merging

  /// Puts `cell` in the realisation (or budget) slot of `code` in `quarter`, replacing what is
  /// there. An unknown code or a quarter after the period is not kept.
  mutating func set(_ cell: MergedCell, of code: IndicatorCode, in quarter: Quarter, budget: Bool) {
    // Both grids keep the same quarters.
    guard let row = rows[code], realisationCells.keeps(quarter) else { return }
    let place = CellPlace(file: files.number(of: cell.file), column: columns.number(of: cell.column), line: cell.line)
    let stored = CompactCell(cell.value, isInvalid: cell.isInvalid, place: place, texts: &texts)
    if budget {
      budgetCells.set(stored, from: place, of: row, in: quarter)
    } else {
      realisationCells.set(stored, from: place, of: row, in: quarter)
    }
  }

  /// Records where `code`'s row is, unless a row was found before.
  mutating func noteOrigin(of code: IndicatorCode, file: String, line: Int) {
    guard let row = rows[code], origins[row] == nil else { return }
    origins.note(file: files.number(of: file), line: line, of: row)
  }

  /// Sets one free text of `code`, replacing an earlier form's.
  mutating func setText(_ text: String, _ field: FreeTextField, of code: IndicatorCode) {
    guard let row = rows[code] else { return }
    freeTexts[row * Self.textSlots + field.slot] = texts.number(of: text) + 1
  }

  private func freeTexts(at row: Int) -> FreeTexts {
    var result = FreeTexts()
    for field in FreeTextField.allCases {
      let number = freeTexts[row * Self.textSlots + field.slot]
      if number != 0 { result[field] = texts[number - 1] }
    }
    return result
  }

  private func cell(_ stored: (cell: CompactCell, place: CellPlace)) -> MergedCell {
    MergedCell(
      value: stored.cell.value(in: texts), file: files[stored.place.file], line: stored.place.line,
      column: columns[stored.place.column], isInvalid: stored.cell.isInvalid)
  }
}

extension FreeTextField {
  /// The field's place among an indicator's free-text slots.
  fileprivate var slot: Int {
    switch self {
    case .kendala: 0
    case .faktorPendorong: 1
    case .tindakLanjut: 2
    case .buktiDukung: 3
    case .keterangan: 4
    }
  }
}

/// Texts that recur on many cells (a form's path, a column header), each kept once and named
/// by its number.
struct NameTable: Sendable {
  private var names: [String] = []
  private var numbers: [String: UInt32] = [:]

  /// The number of `name`, adding it when new.
  mutating func number(of name: String) -> UInt32 {
    if let number = numbers[name] { return number }
    // More than four billion distinct paths and headers would not fit in memory first.
    let number = UInt32(names.count)
    names.append(name)
    numbers[name] = number
    return number
  }

  subscript(number: UInt32) -> String { names[Int(number)] }
}

/// One optional value per (indicator, quarter) for the quarters up to a reporting quarter: a
/// single flat array with a row of slots per indicator, the indicators numbered from 0. A row
/// with four quarters is four slots side by side, not a dictionary of its own.
struct QuarterGrid<Value: Sendable>: Sendable {
  private var slots: [Value?]
  /// Slots per indicator: the quarters from TW I to the reporting quarter.
  let quarters: Int

  init(indicators: Int, through period: Quarter) {
    quarters = period.rawValue
    slots = Array(repeating: nil, count: indicators * quarters)
  }

  /// The value of an indicator in a quarter; always `nil` after the reporting quarter, where
  /// setting one does nothing.
  subscript(indicator: Int, quarter: Quarter) -> Value? {
    get { quarter.rawValue <= quarters ? slots[indicator * quarters + quarter.rawValue - 1] : nil }
    set {
      guard quarter.rawValue <= quarters else { return }
      slots[indicator * quarters + quarter.rawValue - 1] = newValue
    }
  }

  /// The values of an indicator, by quarter.
  func values(of indicator: Int) -> [Quarter: Value] {
    var values: [Quarter: Value] = [:]
    for quarter in Quarter.allCases.prefix(quarters) {
      if let value = self[indicator, quarter] { values[quarter] = value }
    }
    return values
  }
}
