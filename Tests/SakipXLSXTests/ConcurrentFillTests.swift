import Foundation
import SakipTestSupport
import Testing

@testable import SakipXLSX

private struct JobFailed: Error, Equatable { let job: Int }

/// `Workbook.fillConcurrently(_:)`: sheets filled on two threads give the same file every time,
/// with every cell where it was written, and nothing that would race is accepted meanwhile.
@Suite struct ConcurrentFillTests {
  private let options = WorkbookOptions(constantMemory: true, creationDate: pinnedDate)
  private let bold = CellStyle(isBold: true)
  private let grouped = CellStyle(numberFormat: "#,##0")

  /// Two sheets of `rows` rows each, filled by two jobs; returns the file's bytes and parts.
  private func twoSheets(rows: Int, in folder: URL, name: String) throws -> (Data, [String: String]) {
    let url = folder.appendingPathComponent(name)
    try Workbook.write(to: url, options: options) { workbook in
      let left = try workbook.addWorksheet(named: "Kiri")
      let right = try workbook.addWorksheet(named: "Kanan")
      let boldFormat = try workbook.format(bold)
      let groupedFormat = try workbook.format(grouped)
      try left.write("judul", row: 0, col: 0, style: bold)
      try workbook.fillConcurrently([
        {
          for row in 1...rows {
            try left.write("kiri \(row)", row: row, col: 0, format: boldFormat)
            try left.write(Double(row) * 1.5, row: row, col: 1, format: groupedFormat)
          }
        },
        {
          for row in 0..<rows {
            try right.writeFormula("A\(row + 1)*2", cachedResult: Double(row), row: row, col: 0, format: groupedFormat)
            try right.write("kanan \(row)", row: row, col: 1, format: boldFormat)
          }
        },
      ])
    }
    return (try Data(contentsOf: url), try xlsxParts(at: url))
  }

  @Test func twoThreadsWriteEveryCellAndTheSameBytesEachTime() throws {
    let folder = try makeScratchFolder()
    let (a, parts) = try twoSheets(rows: 20_000, in: folder, name: "a.xlsx")
    let (b, _) = try twoSheets(rows: 20_000, in: folder, name: "b.xlsx")
    #expect(a == b)
    let left = try #require(parts["xl/worksheets/sheet1.xml"])
    let right = try #require(parts["xl/worksheets/sheet2.xml"])
    #expect(left.contains(#"<c r="A20001" s="1" t="inlineStr"><is><t>kiri 20000</t></is></c>"#))
    #expect(left.contains(#"<c r="B20001" s="2"><v>30000</v></c>"#))
    #expect(right.contains(#"<c r="A20000" s="2"><f>A20000*2</f><v>19999</v></c>"#))
    #expect(right.contains(#"<c r="B1" s="1" t="inlineStr"><is><t>kanan 0</t></is></c>"#))
  }

  @Test func formatsAreNumberedInTheOrderTheirStylesWereRegistered() throws {
    let folder = try makeScratchFolder()
    let url = folder.appendingPathComponent("order.xlsx")
    try Workbook.write(to: url, options: options) { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      _ = try workbook.format(bold)
      let second = try workbook.format(grouped)
      // Only the second style is ever used, yet both keep their registration order.
      try workbook.fillConcurrently([{ try sheet.write(1, row: 0, col: 0, format: second) }, {}])
    }
    let sheet = try #require(try xlsxParts(at: url)["xl/worksheets/sheet1.xml"])
    #expect(sheet.contains(#"<c r="A1" s="2"><v>1</v></c>"#))
  }

  @Test func whatWouldRaceIsRefusedWhileFilling() throws {
    let folder = try makeScratchFolder()
    var refused: [Bool] = []
    try Workbook.write(to: folder.appendingPathComponent("refused.xlsx"), options: options) { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      _ = try workbook.format(bold)
      let attempts: [() throws -> Void] = [
        { _ = try workbook.format(CellStyle(isItalic: true)) },
        { _ = try workbook.addWorksheet(named: "Lain") },
        { try sheet.write("x", row: 0, col: 0, style: CellStyle(fontSize: 20)) },
        {
          try sheet.conditionalFormat(
            CellRange(firstRow: 0, firstCol: 0, lastRow: 1, lastCol: 0), rule: .greaterThan(1), style: bold)
        },
      ]
      for attempt in attempts {
        var threw = false
        do { try workbook.fillConcurrently([attempt, {}]) } catch { threw = true }
        refused.append(threw)
      }
      // Afterwards the workbook accepts them again.
      _ = try workbook.format(CellStyle(isItalic: true))
      _ = try workbook.addWorksheet(named: "Lain")
    }
    #expect(refused == [true, true, true, true])
  }

  @Test func theFirstJobsErrorIsRethrownAndNoFileIsLeft() throws {
    let folder = try makeScratchFolder()
    let url = folder.appendingPathComponent("failed.xlsx")
    #expect(throws: JobFailed(job: 0)) {
      try Workbook.write(to: url, options: options) { workbook in
        let sheet = try workbook.addWorksheet(named: "Data")
        try workbook.fillConcurrently([
          { throw JobFailed(job: 0) },
          {
            try sheet.write(1, row: 0, col: 0)
            throw JobFailed(job: 1)
          },
        ])
      }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func withoutConstantMemoryTheJobsRunInOrderOnThisThread() throws {
    let folder = try makeScratchFolder()
    var order: [Int] = []
    try Workbook.write(to: folder.appendingPathComponent("serial.xlsx")) { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      try workbook.fillConcurrently([
        { order.append(1); try sheet.write("b", row: 1, col: 0) },
        { order.append(2); try sheet.write("a", row: 0, col: 0, style: CellStyle(isItalic: true)) },
      ])
    }
    #expect(order == [1, 2])
  }
}
