import Foundation
import SakipXLSX

/// One column of a blank form (SPEC §6), in the order the form shows them.
public enum TemplateColumn: Hashable, Sendable {
  case code, wording, unit, annualTarget
  case quarterTarget(Quarter)
  case realisation(Quarter)
  /// The budget ceiling (*pagu*): shown so the section sees its limit; not read back.
  case ceiling
  case budgetRealisation(Quarter)
  case text(FreeTextField)

  /// The header as the form writes it; every one is recognised by `HeaderMatcher.formRole`
  /// (except `Pagu`, which the reader ignores on purpose).
  public var header: String {
    switch self {
    case .code: "Kode"
    case .wording: "Indikator"
    case .unit: "Satuan"
    case .annualTarget: "Target"
    case .quarterTarget(let q): "Target \(q.label)"
    case .realisation(let q): "Realisasi \(q.label)"
    case .ceiling: "Pagu"
    case .budgetRealisation(let q): "Realisasi Anggaran \(q.label)"
    case .text(.kendala): "Kendala"
    case .text(.faktorPendorong): "Faktor Pendorong"
    case .text(.tindakLanjut): "Tindak Lanjut"
    case .text(.buktiDukung): "Bukti Dukung"
    case .text(.keterangan): "Keterangan"
    }
  }

  /// Filled from the definitions and locked: code, wording, unit, targets, pagu.
  public var isDefinition: Bool {
    switch self {
    case .code, .wording, .unit, .annualTarget, .quarterTarget, .ceiling: true
    case .realisation, .budgetRealisation, .text: false
    }
  }

  var width: Double {
    switch self {
    case .code: 14
    case .wording: 46
    case .unit: 10
    case .annualTarget, .quarterTarget: 10
    case .realisation: 13
    case .ceiling, .budgetRealisation: 17
    case .text: 30
    }
  }
}

/// Values a section returned for earlier quarters, used to pre-fill a new form (`--from`).
public struct EarlierValues: Sendable {
  public var realisations: [IndicatorCode: [Quarter: ReportedValue]]
  public var budget: [IndicatorCode: [Quarter: Double]]

  public init(
    realisations: [IndicatorCode: [Quarter: ReportedValue]] = [:],
    budget: [IndicatorCode: [Quarter: Double]] = [:]
  ) {
    self.realisations = realisations
    self.budget = budget
  }
}

/// The blank form of one section (SPEC §6) as data — title block, columns, one row per
/// indicator, which cells are input and what they accept — and its two renderings: the XLSX
/// workbook (protected, with data validation and a `Petunjuk` sheet) and the CSV text as
/// Excel on Indonesian settings saves it, so a returned form reads back unchanged (§3, §4).
public struct FormTemplateLayout: Sendable {
  public var agency: String?
  public var section: String
  public var year: Int
  public var period: Quarter
  /// The section's indicators, in the definitions' order.
  public var indicators: [IndicatorDefinition]
  public var earlier: EarlierValues

  public init(
    agency: String?, section: String, year: Int, period: Quarter,
    indicators: [IndicatorDefinition], earlier: EarlierValues = EarlierValues()
  ) {
    self.agency = agency.flatMap { $0.trimmed.isEmpty ? nil : $0.trimmed }
    self.section = section
    self.year = year
    self.period = period
    self.indicators = indicators
    self.earlier = earlier
  }

  /// The form's title.
  public static let title = "Formulir Pengumpulan Data Capaian Kinerja"

  /// What one cell holds.
  public enum Cell: Hashable, Sendable {
    case empty
    case text(String)
    case number(Double)
  }

  /// What an input cell accepts; `nil` for a cell the section does not fill.
  public enum InputKind: Hashable, Sendable {
    /// A realisation that is a number ≥ 0 (any sign when a target is negative).
    case number(allowsNegative: Bool)
    /// The realisation of a qualitative indicator: a grade or text (`BB`, `WTP`, `Tersedia`).
    case grade
    /// A budget realisation: a number ≥ 0 that keeps the total so far within the pagu.
    case budget
    /// Free text.
    case text(FreeTextField)
  }

  // MARK: Layout

  /// Whether any indicator of the section has a pagu: only then are budget columns shown.
  public var hasBudget: Bool { indicators.contains { $0.ceiling != nil } }

  /// Quarters shown: TW I up to the period (later quarters are left out).
  public var quarters: [Quarter] { period.throughThis }

  /// The columns, left to right.
  public var columns: [TemplateColumn] {
    var columns: [TemplateColumn] = [.code, .wording, .unit, .annualTarget]
    if indicators.contains(where: { !$0.quarterTargets.isEmpty }) {
      columns += quarters.map(TemplateColumn.quarterTarget)
    }
    columns += quarters.map(TemplateColumn.realisation)
    if hasBudget {
      columns.append(.ceiling)
      columns += quarters.map(TemplateColumn.budgetRealisation)
    }
    columns += FreeTextField.allCases.map(TemplateColumn.text)
    return columns
  }

  /// The rows above the header: the title, label/value pairs read back by the form reader's
  /// title block (`Instansi` is kept as metadata), and a blank row.
  public var titleRows: [[String]] {
    var rows: [[String]] = [[Self.title]]
    if let agency { rows.append(["Instansi", agency]) }
    rows.append(["Unit Kerja", section])
    rows.append(["Tahun", String(year)])
    rows.append(["Periode", period.label])
    rows.append([])
    return rows
  }

  /// The zero-based row of the header.
  public var headerRow: Int { titleRows.count }
  /// The zero-based row of the first indicator.
  public var firstDataRow: Int { headerRow + 1 }

  /// What the cell of `indicator` in `column` holds when the form is sent out.
  public func cell(_ indicator: IndicatorDefinition, _ column: TemplateColumn) -> Cell {
    switch column {
    case .code: return .text(indicator.code.rawValue)
    case .wording: return .text(indicator.wording)
    case .unit: return .text(indicator.unit)
    case .annualTarget: return Self.cell(indicator.annualTarget)
    case .quarterTarget(let q): return indicator.quarterTargets[q].map(Self.cell) ?? .empty
    case .ceiling: return indicator.ceiling.map(Cell.number) ?? .empty
    case .realisation(let q):
      guard q < period else { return .empty }
      switch earlier.realisations[indicator.code]?[q] {
      case .number(let n): return .number(n)
      case .text(let t): return .text(t)
      case .notReported, nil: return .empty
      }
    case .budgetRealisation(let q):
      guard q < period, indicator.ceiling != nil else { return .empty }
      return earlier.budget[indicator.code]?[q].map(Cell.number) ?? .empty
    case .text: return .empty
    }
  }

  /// What the cell of `indicator` in `column` accepts, or `nil` when it is locked.
  public func inputKind(_ indicator: IndicatorDefinition, _ column: TemplateColumn) -> InputKind? {
    switch column {
    case .code, .wording, .unit, .annualTarget, .quarterTarget, .ceiling: return nil
    case .realisation:
      if indicator.isQualitative { return .grade }
      let targets = [indicator.annualTarget] + Array(indicator.quarterTargets.values)
      return .number(allowsNegative: targets.contains { ($0.number ?? 0) < 0 })
    case .budgetRealisation: return indicator.ceiling == nil ? nil : .budget
    case .text(let field): return .text(field)
    }
  }

  private static func cell(_ target: Target) -> Cell {
    switch target {
    case .number(let n): .number(n)
    case .grade(let g): .text(g)
    }
  }

  // MARK: CSV

  /// The CSV form: UTF-8 with a byte-order mark, `;` between cells, the decimal comma without
  /// thousands separators, CRLF line ends, quotes only where needed — what Excel on Indonesian
  /// settings writes for "CSV UTF-8".
  public func csvBytes() -> [UInt8] {
    let columns = self.columns
    var lines: [String] = []
    func line(_ cells: [String]) {
      let padded = cells + Array(repeating: "", count: max(0, columns.count - cells.count))
      lines.append(padded.map(Self.csvField).joined(separator: ";"))
    }
    for row in titleRows { line(row) }
    line(columns.map(\.header))
    for indicator in indicators {
      line(
        columns.map { column in
          switch cell(indicator, column) {
          case .empty: ""
          case .text(let t): t
          case .number(let n): Self.plainDecimal(n, mark: ",")
          }
        })
    }
    return [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
  }

  /// A field quoted when it holds the delimiter, a quote, a line break or edge spaces.
  static func csvField(_ text: String) -> String {
    let needsQuotes =
      text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
      || text.first?.isWhitespace == true || text.last?.isWhitespace == true
    guard needsQuotes else { return text }
    var out = "\""
    for c in text { out += c == "\"" ? "\"\"" : String(c) }
    return out + "\""
  }

  /// A number as plain decimal text with the shortest digits that read back to the same
  /// `Double`, never in exponent form, with `mark` as the decimal mark: 0.1 → `0,1`,
  /// 5045000000 → `5045000000`, 1e-7 → `0,0000001`.
  public static func plainDecimal(_ value: Double, mark: Character) -> String {
    guard value.isFinite else { return "" }
    if value == 0 { return "0" }
    var text = "\(value.magnitude)"
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponent = Int(text[text.index(after: e)...]) ?? 0
      text = String(text[..<e])
    }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    let integer = parts.first.map(String.init) ?? ""
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    var digits = integer + fraction
    var point = integer.count + exponent
    if point <= 0 {
      digits = String(repeating: "0", count: 1 - point) + digits
      point = 1
    }
    if point > digits.count { digits += String(repeating: "0", count: point - digits.count) }
    var whole = String(digits.prefix(point))
    var decimals = String(digits.dropFirst(point))
    while whole.count > 1, whole.first == "0" { whole.removeFirst() }
    while decimals.last == "0" { decimals.removeLast() }
    let sign = value < 0 ? "-" : ""
    return sign + whole + (decimals.isEmpty ? "" : String(mark) + decimals)
  }
}
