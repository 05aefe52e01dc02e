import Foundation
import SakipTestSupport
import SakipXLSX
import Testing

@Suite struct CellStyleTests {
  static let header = CellStyle(
    isBold: true, fontSize: 12, fontColor: RGBColor(0xFFFFFF), fillColor: RGBColor(0x1F4E78),
    hasThinBorder: true, horizontalAlignment: .center, verticalAlignment: .center,
    wrapsText: true)
  static let rupiah = CellStyle(hasThinBorder: true, numberFormat: "#,##0")
  static let percent = CellStyle(isItalic: true, numberFormat: "0.00", indent: 1)
  static let input = CellStyle(fillColor: RGBColor(0xFFF2CC), isLocked: false)

  @Test func stylesMatchGolden() throws {
    let styles = try sheetPart("xl/styles.xml") { sheet in
      try sheet.write("Pagu", row: 0, col: 0, style: Self.header)
      try sheet.write(450_000_000, row: 1, col: 0, style: Self.rupiah)
      try sheet.write(95.5, row: 2, col: 0, style: Self.percent)
      try sheet.writeBlank(row: 3, col: 0, style: Self.input)
    }
    assertMatchesGolden(styles, suite: "CellStyleTests", name: "stylesMatchGolden.xml")
  }

  @Test func equalStylesShareOneFormat() throws {
    let url = try writeWorkbook { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      for row in 0..<50 {
        try sheet.write(Double(row), row: row, col: 0, style: Self.rupiah)
        try sheet.write(Double(row), row: row, col: 1, style: CellStyle(hasThinBorder: true, numberFormat: "#,##0"))
      }
      try sheet.write(1, row: 50, col: 0, style: .default)
    }
    let parts = try xlsxParts(at: url)
    let styles = try #require(parts["xl/styles.xml"])
    #expect(styles.contains(#"<cellXfs count="2">"#))  // Excel's default + one
    let sheet = try #require(parts["xl/worksheets/sheet1.xml"])
    #expect(sheet.contains(#"<c r="A51"><v>1</v></c>"#))  // the default style attaches nothing
  }

  @Test func unlockedIsWrittenOnlyWhenNotLocked() throws {
    let styles = try sheetPart("xl/styles.xml") { sheet in
      try sheet.write("in", row: 0, col: 0, style: Self.input)
    }
    #expect(styles.contains(#"<protection locked="0"/>"#))
  }

  @Test func overLongNumberFormatThrows() throws {
    _ = try writeWorkbook { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      let format = String(repeating: "0", count: 128)
      #expect(throws: XLSXError.textTooLong(field: "number format", length: 128, limit: 127)) {
        try sheet.write(1, row: 0, col: 0, style: CellStyle(numberFormat: format))
      }
    }
  }
}

/// Styles registered once as `CellFormat`s write the same workbook as styles passed per cell.
@Suite struct CellFormatTests {
  private let bold = CellStyle(isBold: true)
  private let money = CellStyle(hasThinBorder: true, numberFormat: "#,##0")
  private let grey = CellStyle(fontColor: RGBColor(0x7F7F7F))

  /// Sheet and styles of a workbook written through `body`, normalised.
  private func parts(_ body: (Workbook, Worksheet) throws -> Void) throws -> [String] {
    let url = try writeWorkbook { workbook in
      try body(workbook, workbook.addWorksheet(named: "Data"))
    }
    return try ["xl/worksheets/sheet1.xml", "xl/styles.xml"].map { try normalizedXLSXPart($0, at: url) }
  }

  @Test func formatsWriteWhatStylesWrite() throws {
    let byStyle = try parts { _, sheet in
      try sheet.write(12.5, row: 0, col: 0, style: money)
      try sheet.write("judul", row: 0, col: 1, style: bold)
      try sheet.writeFormula("=A1*2", cachedResult: 25, row: 1, col: 0, style: money)
      try sheet.writeBlank(row: 1, col: 1, style: grey)
      try sheet.write("polos", row: 2, col: 0)
      try sheet.writeBlank(row: 2, col: 1)
    }
    // Registered in another order than first used: formats are made at first use, so the
    // styles part comes out the same.
    let byFormat = try parts { workbook, sheet in
      let grey = try workbook.format(grey)
      let bold = try sheet.format(bold)
      let money = try workbook.format(money)
      let plain = try workbook.format(.default)
      #expect(plain.isDefault && !money.isDefault)
      #expect(try workbook.format(self.money) == money)
      try sheet.write(12.5, row: 0, col: 0, format: money)
      try sheet.write("judul", row: 0, col: 1, format: bold)
      try sheet.writeFormula("=A1*2", cachedResult: 25, row: 1, col: 0, format: money)
      try sheet.writeBlank(row: 1, col: 1, format: grey)
      try sheet.write("polos", row: 2, col: 0, format: plain)
      try sheet.writeBlank(row: 2, col: 1, format: plain)
    }
    #expect(byFormat == byStyle)
  }

  @Test func aFormatOfAnotherWorkbookIsRefused() throws {
    var foreign: CellFormat?
    _ = try writeWorkbook { workbook in foreign = try workbook.format(bold) }
    let format = try #require(foreign)
    _ = try writeWorkbook { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      _ = try workbook.format(money)
      #expect(throws: XLSXError.invalidArgument("a cell format of another workbook was used")) {
        try sheet.write(1, row: 0, col: 0, format: format)
      }
    }
  }

  @Test func invalidStyleIsRefusedWhenRegistered() throws {
    _ = try writeWorkbook { workbook in
      #expect(throws: XLSXError.invalidArgument("indent 16 is outside 0…15")) {
        try workbook.format(CellStyle(indent: 16))
      }
    }
  }

  @Test func formatsCannotBeUsedAfterTheWorkbookCloses() throws {
    var kept: (Worksheet, CellFormat)?
    _ = try writeWorkbook { workbook in
      kept = (try workbook.addWorksheet(named: "Data"), try workbook.format(bold))
    }
    let (sheet, format) = try #require(kept)
    #expect(throws: XLSXError.workbookClosed) { try sheet.write("x", row: 0, col: 0, format: format) }
  }
}
