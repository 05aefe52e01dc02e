import Foundation
import SakipXLSX

/// The recap workbook of SPEC §8 (*buku kerja rekapitulasi*): the sheets `Ringkasan`,
/// `Pengukuran`, `Anggaran`, `Kelengkapan`, `Validasi`, `E.81` and `Sumber`, in that order.
///
/// Laid out from a computed `Recap`; nothing is measured here. Capaian, period figures,
/// serapan and the like are written as formulas over the cells they come from, with the
/// engine's value as the cached result, so every reader shows the engine's figures and an
/// Excel user can see how each was made. Where the engine gives no figure the cell holds the
/// reason as text, never a formula over partial data. Every sheet is written row by row in
/// increasing order, so the same layout works in libxlsxwriter's constant-memory mode.
public enum RecapWorkbookLayout {
  /// Writes the workbook of `recap` to `path` (atomically: the old file, if any, stays until
  /// the new one is complete). Creation time from `context.now`, so equal inputs give equal
  /// bytes. Any writer failure is `SakipError.outputFailed` (exit 3).
  public static func write(_ recap: Recap, to path: String, context: RunContext) throws(SakipError) {
    try write(recap, to: path, context: context, configuration: Configuration())
  }

  /// Writes to `path`, a staging file beside `target`; a failure names `target`, the file the
  /// user asked for. `whileClosing` runs on another thread while the finished workbook is
  /// compressed (not at all when writing fails before).
  static func write(
    _ recap: Recap, staging path: String, for target: String, context: RunContext,
    whileClosing: (@Sendable () -> Void)? = nil
  ) throws(SakipError) {
    do {
      try write(
        recap, to: path, context: context, configuration: Configuration(), whileClosing: whileClosing)
    } catch .outputFailed(_, let reason) {
      throw .outputFailed(path: target, reason: reason.replacingOccurrences(of: path, with: target))
    } catch {
      throw error
    }
  }

  /// Limits that tests shrink: rows per sheet before a table continues on `Name (2)`, and the
  /// number of indicators from which constant-memory mode is used; and whether the long
  /// tables' rows are then written on two threads.
  struct Configuration {
    var rowLimit = Worksheet.maxRows
    var constantMemoryThreshold = 50_000
    var fillsConcurrently = true
  }

  static func write(
    _ recap: Recap, to path: String, context: RunContext, configuration: Configuration,
    whileClosing: (@Sendable () -> Void)? = nil
  ) throws(SakipError) {
    let options = WorkbookOptions(
      constantMemory: recap.definitions.indicators.count > configuration.constantMemoryThreshold,
      creationDate: context.now, title: recap.title ?? Labels.defaultTitle, author: "sakip")
    do {
      try Workbook.write(toPath: path, options: options, whileClosing: whileClosing) { workbook in
        let layout = Layout(
          recap: recap, context: context, workbook: workbook, styles: try StylePalette(workbook),
          rowLimit: configuration.rowLimit, workbookIsConstantMemory: options.constantMemory)
        // In constant-memory mode the long tables' rows are written last, `Pengukuran` on one
        // thread and the others on a second; otherwise each table is written in full in turn
        // (shared strings are numbered in the order cells are written).
        let concurrent = options.constantMemory && configuration.fillsConcurrently
        var pending: [PendingTable] = []
        func add(_ table: PendingTable) throws {
          if concurrent { pending.append(table) } else { try table.rows(); try table.finish() }
        }
        try layout.writeSummary()
        let (measurement, capaianCells) = try layout.openMeasurement()
        try add(measurement)
        try add(try layout.openBudget(capaianCells: capaianCells))
        try layout.writeCompleteness()
        try layout.writeFindings()
        try add(try layout.openEvaluationTable())
        try layout.writeSources()
        guard let first = pending.first else { return }
        let others = pending.dropFirst().map(\.rows)
        try workbook.fillConcurrently([first.rows, { for rows in others { try rows() } }])
        for table in pending { try table.finish() }
      }
    } catch {
      throw .outputFailed(path: path, reason: "\(error)")
    }
  }
}

/// A table whose sheets exist with their top rows and whose data rows are still to be
/// written: `rows` (on any one thread), then `finish` (what follows the rows, column widths)
/// on the workbook's thread.
struct PendingTable {
  let rows: () throws -> Void
  let finish: () throws -> Void
}

/// One run of the layout: the recap, the run's context and the workbook being filled.
struct Layout {
  let recap: Recap
  let context: RunContext
  let workbook: Workbook
  /// The styles of the long sheets, registered with `workbook`.
  let styles: StylePalette
  let rowLimit: Int
  /// Whether rows go straight to disk: then nothing may be written above the last row, and
  /// columns are sized from their headers before the rows.
  let workbookIsConstantMemory: Bool

  /// A cursor on a new table sheet; it counts widths only where `finishTable` will use them.
  func cursor(_ sheet: Worksheet) -> SheetCursor {
    SheetCursor(sheet, styles: styles, measuresWidths: !workbookIsConstantMemory)
  }

  /// Column sizing for `SplitTable` in constant-memory mode, `nil` otherwise.
  func early(_ labels: [String], _ fixed: [Int: Double]) -> (labels: [String], fixed: [Int: Double])? {
    workbookIsConstantMemory ? (labels, fixed) : nil
  }

  var period: Quarter { recap.period }
  /// `TW I (s.d. TW I)`, `TW II (s.d. TW II)`: the reporting quarter and the span to date.
  var periodLabel: String { "\(period.label) (s.d. \(period.label))" }
  var title: String { recap.title ?? Labels.defaultTitle }
  var yearText: String { recap.report.year.map(String.init) ?? "-" }

  /// A printable sheet: A4 landscape, fitted to the page width.
  func preparePrint(_ sheet: Worksheet) throws {
    try sheet.setLandscape()
    try sheet.setPaperA4()
    try sheet.fitToPages(width: 1, height: 0)
    try sheet.setMargins(left: 0.4, right: 0.4, top: 0.5, bottom: 0.5)
    try sheet.setFooter("&L\(Self.footerSafe(title))&RHalaman &P dari &N")
  }

  /// Text for a page footer: `&` doubled, cut to fit Excel's 255 characters with the codes.
  static func footerSafe(_ text: String) -> String {
    String(text.replacingOccurrences(of: "&", with: "&&").prefix(200))
  }

  /// The creation time in Jakarta (WIB, UTC+7, no daylight saving), e.g. `1 Juli 2025 07:00 WIB`.
  var createdText: String { Labels.dateTime(context.now) }
}

/// Indonesian labels and the formatting of dates and reasons in cells.
enum Labels {
  static let defaultTitle = "Rekapitulasi Capaian Kinerja"

  static let months = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember",
  ]

  /// Jakarta is UTC+7 all year; a fixed offset needs no time-zone database.
  static var jakarta: Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? calendar.timeZone
    return calendar
  }

  /// `1 Juli 2025`.
  static func date(_ date: Date) -> String {
    let c = jakarta.dateComponents([.year, .month, .day], from: date)
    let month = months[max(0, min(11, (c.month ?? 1) - 1))]
    return "\(c.day ?? 1) \(month) \(c.year ?? 1970)"
  }

  /// `1 Juli 2025 07:00 WIB`.
  static func dateTime(_ date: Date) -> String {
    let c = jakarta.dateComponents([.hour, .minute], from: date)
    let hh = (c.hour ?? 0) < 10 ? "0\(c.hour ?? 0)" : "\(c.hour ?? 0)"
    let mm = (c.minute ?? 0) < 10 ? "0\(c.minute ?? 0)" : "\(c.minute ?? 0)"
    return "\(Self.date(date)) \(hh):\(mm) WIB"
  }

  /// The short reason shown in a cell that has no figure: `belum lengkap: TW II`.
  static func short(_ reason: UnmeasuredReason) -> String {
    let list = UnmeasuredReason.indonesianList(reason.quarters)
    return switch reason {
    case .notReported: "belum lengkap: \(list)"
    case .realisationNotANumber: "bukan angka: \(list)"
    case .quarterTargetMissing: "tanpa target: \(list)"
    case .targetNotANumber: "target bukan angka: \(list)"
    case .noTargetForPeriod: "tanpa target periode"
    case .zeroTarget: "target 0"
    case .qualitative: "kualitatif"
    case .zeroRealisationRatio: "realisasi 0 (rumus rasio)"
    case .ratioNeedsPositiveValues: "rumus rasio: nilai negatif"
    case .outOfRange: "angka terlalu besar"
    }
  }

  /// `TW II`, `Semester I`, `s.d. TW II`.
  static func period(_ period: MeasurementPeriod) -> String {
    switch period {
    case .quarter(let q): q.label
    case .semester(let s): s == .first ? "Semester I" : "Semester II"
    case .yearToDate(let q): "s.d. \(q.label)"
    }
  }

  /// `S1`, `S2` as the column headers say them.
  static func periodShort(_ period: MeasurementPeriod) -> String {
    switch period {
    case .quarter(let q): q.label
    case .semester(let s): s.key
    case .yearToDate(let q): "s.d. \(q.label)"
    }
  }

  static func level(_ level: CascadeLevel?) -> String {
    switch level {
    case .goal: "Tujuan"
    case .objective: "Sasaran"
    case .program: "Program"
    case .activity: "Kegiatan"
    case .subActivity: "Subkegiatan"
    case nil: ""
    }
  }

  static func delimiter(_ text: String?) -> String {
    switch text {
    case nil: "-"
    case "\\t", "\t": "tab"
    case let d?: d
    }
  }
}
