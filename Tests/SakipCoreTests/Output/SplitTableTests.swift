import Foundation
import SakipXLSX
import Testing

@testable import SakipCore

/// `SplitTable`: a table continued over numbered sheets, every sheet created up front from the
/// number of rows planned, rows handed out exactly as planned.
@Suite struct SplitTableTests {
  /// Writes a table of `rowCount` rows under a two-row header with room for 3 data rows per
  /// sheet (row limit 6, one trailer row); returns the sheet names, each handed-out position
  /// (as `sheet!row` and as a cell reference) next to the reference worked out from the plan,
  /// and whether one row more is refused.
  private func split(rowCount: Int) throws -> (names: [String], handed: [String], handedCells: [String], planned: [String], refusesMore: Bool) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sakip-split-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var result: (names: [String], handed: [String], handedCells: [String], planned: [String], refusesMore: Bool) = ([], [], [], [], false)
    try Workbook.write(to: folder.appendingPathComponent("t.xlsx"), options: WorkbookOptions(constantMemory: true)) { workbook in
      let palette = try StylePalette(workbook)
      let table = try SplitTable(
        workbook: workbook, cursor: { SheetCursor($0, styles: palette, measuresWidths: false) },
        name: "Data", rowLimit: 6, trailerRows: 1, rowCount: rowCount, prepare: { _, _ in }
      ) { cursor, number in
        try cursor.text("Judul \(number)", 0, 0)
        try cursor.text("Kode", 1, 0)
        return 2
      }
      result.names = workbook.worksheetNames
      // What another sheet refers to: each row's cell, worked out from the plan alone.
      let planned = CapaianCells(
        pages: table.pages.map { ($0.cursor.name, $0.plannedRows) }, col: 0, hasCapaian: { _ in true })
      for index in 0..<rowCount {
        let (cursor, row) = try table.nextRow()
        try cursor.text("r\(index)", row, 0)
        result.handed.append("\(cursor.name)!\(row)")
        result.handedCells.append(Ref.external(cursor.name, row, 0))
        var reference = ""
        if planned.appendReference(of: index, to: &reference) { result.planned.append(reference) }
      }
      do { _ = try table.nextRow() } catch { result.refusesMore = true }
    }
    return result
  }

  @Test func everySheetExistsBeforeTheRowsAndRowsGoWherePlanned() throws {
    let t = try split(rowCount: 7)
    #expect(t.names == ["Data", "Data (2)", "Data (3)"])
    #expect(t.handed == ["Data!2", "Data!3", "Data!4", "Data (2)!2", "Data (2)!3", "Data (2)!4", "Data (3)!2"])
    #expect(t.planned == t.handedCells && t.planned.count == 7)
    #expect(t.planned[3] == "'Data (2)'!$A$3")
    #expect(t.refusesMore)
  }

  @Test func anEmptyTableHasOneSheetAndNoRows() throws {
    let t = try split(rowCount: 0)
    #expect(t.names == ["Data"] && t.handed.isEmpty && t.refusesMore)
  }
}
