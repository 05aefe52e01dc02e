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
/// A province has a hundred thousand indicators, so nothing here is a dictionary per indicator:
/// each store is one flat array with a row per indicator, in the definitions' order, and a
/// cell names its file and column by number in a shared table of names.
public struct MergedValues: Sendable {
  /// The row of each indicator in the stores below: its place in the definitions.
  private let rows: [IndicatorCode: Int]
  private var realisationCells: QuarterGrid<StoredCell>
  private var budgetCells: QuarterGrid<StoredCell>
  /// Free text; a later form's text replaces an earlier one (a re-sent form is the newer word).
  private var freeTexts: [FreeTexts]
  private var origins: [StoredOrigin?]
  /// The forms' paths and column headers the cells refer to.
  private var names = NameTable()

  /// No values yet, for the indicators of `definitions`, keeping the quarters up to `period`.
  public init(for definitions: IndicatorDefinitions, through period: Quarter) {
    rows = definitions.positions
    let count = definitions.indicators.count
    realisationCells = QuarterGrid(indicators: count, through: period)
    budgetCells = QuarterGrid(indicators: count, through: period)
    freeTexts = Array(repeating: FreeTexts(), count: count)
    origins = Array(repeating: nil, count: count)
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
    return realisationCells.values(of: row).mapValues(cell)
  }

  /// Every budget realisation merged for `code`, by quarter.
  public func budget(of code: IndicatorCode) -> [Quarter: MergedCell] {
    guard let row = rows[code] else { return [:] }
    return budgetCells.values(of: row).mapValues(cell)
  }

  /// The free text written for `code` (empty when none).
  public func texts(of code: IndicatorCode) -> FreeTexts {
    rows[code].map { freeTexts[$0] } ?? FreeTexts()
  }

  /// The free text written for the indicator at `index` in the definitions (empty when none).
  public func texts(at index: Int) -> FreeTexts {
    freeTexts.indices.contains(index) ? freeTexts[index] : FreeTexts()
  }

  /// Where `code`'s row was first found; `nil` when no form has it.
  public func origin(of code: IndicatorCode) -> RowOrigin? {
    rows[code].flatMap { origins[$0] }.map { RowOrigin(file: names[$0.file], line: $0.line) }
  }

  /// The realisations reported, as the measurement engine takes them. A cell that held
  /// something unreadable is text for the engine, so the recap says "not a number" rather than
  /// "not reported".
  public func reportedRealisations(of code: IndicatorCode) -> [Quarter: ReportedValue] {
    guard let row = rows[code] else { return [:] }
    return realisationCells.values(of: row).compactMapValues {
      $0.isInvalid ? .text("") : $0.value.isReported ? $0.value : nil
    }
  }

  /// The budget realisations reported, in rupiah.
  public func reportedBudget(of code: IndicatorCode) -> [Quarter: Double] {
    guard let row = rows[code] else { return [:] }
    return budgetCells.values(of: row).compactMapValues { $0.value.number }
  }

  // MARK: Merging

  /// Puts `cell` in the realisation (or budget) slot of `code` in `quarter`, replacing what is
  /// there. An unknown code or a quarter after the period is not kept.
  mutating func set(_ cell: MergedCell, of code: IndicatorCode, in quarter: Quarter, budget: Bool) {
    guard let row = rows[code] else { return }
    let stored = StoredCell(
      value: cell.value, isInvalid: cell.isInvalid, file: names.number(of: cell.file),
      column: names.number(of: cell.column), line: cell.line)
    if budget { budgetCells[row, quarter] = stored } else { realisationCells[row, quarter] = stored }
  }

  /// Records where `code`'s row is, unless a row was found before.
  mutating func noteOrigin(of code: IndicatorCode, file: String, line: Int) {
    guard let row = rows[code], origins[row] == nil else { return }
    origins[row] = StoredOrigin(file: names.number(of: file), line: line)
  }

  /// Sets one free text of `code`, replacing an earlier form's.
  mutating func setText(_ text: String, _ field: FreeTextField, of code: IndicatorCode) {
    guard let row = rows[code] else { return }
    freeTexts[row][field] = text
  }

  private func cell(_ stored: StoredCell) -> MergedCell {
    MergedCell(
      value: stored.value, file: names[stored.file], line: stored.line, column: names[stored.column],
      isInvalid: stored.isInvalid)
  }
}

/// A merged cell as kept: its file and column by number in the `NameTable` (40 bytes, where a
/// `MergedCell` with two strings is 64).
private struct StoredCell: Sendable {
  var value: ReportedValue
  var isInvalid: Bool
  var file: UInt32
  var column: UInt32
  var line: Int
}

/// Where a row was first found, its file by number in the `NameTable`.
private struct StoredOrigin: Sendable {
  var file: UInt32
  var line: Int
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
