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
