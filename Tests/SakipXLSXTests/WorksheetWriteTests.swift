import Foundation
import SakipTestSupport
import SakipXLSX
import Testing

@Suite struct WorksheetWriteTests {
  @Test func cellKindsMatchGolden() throws {
    let xml = try sheetPart { sheet in
      try sheet.write("Kode", row: 0, col: 0)
      try sheet.write(42, row: 0, col: 1)
      try sheet.write(0.1, row: 0, col: 2)
      try sheet.writeFormula("=B1*2", cachedResult: 84, row: 1, col: 1)
      try sheet.writeFormula("=A1&\"x\"", cachedResult: "Kodex", row: 1, col: 0)
      try sheet.writeBlank(row: 2, col: 0, style: CellStyle(fillColor: RGBColor(0xFFFF00)))
    }
    assertMatchesGolden(xml, suite: "WorksheetWriteTests", name: "cellKindsMatchGolden.xml")
  }

  @Test func numbersAreNumberCells() throws {
    let xml = try sheetPart { try $0.write(1_234_567.5, row: 0, col: 0) }
    #expect(xml.contains(#"<c r="A1">"#))
    #expect(xml.contains("<v>1234567.5</v>"))
  }

  @Test(arguments: ["=1+1", "+6281234", "-5", "@SUM(A1)", "=HYPERLINK(\"x\")"])
  func textLookingLikeFormulaStaysText(_ text: String) throws {
    let url = try writeWorkbook { try $0.addWorksheet(named: "Data").write(text, row: 0, col: 0) }
    let parts = try xlsxParts(at: url)
    let sheet = try #require(parts["xl/worksheets/sheet1.xml"])
    #expect(sheet.contains(#"<c r="A1" t="s">"#))
    #expect(!sheet.contains("<f>"))
    #expect(textNodes(try #require(parts["xl/sharedStrings.xml"])) == [text])
  }

  @Test func formulasCarryCachedValues() throws {
    let xml = try sheetPart { sheet in
      try sheet.writeFormula("SUM(1,2)", cachedResult: 3, row: 0, col: 0)
      try sheet.writeFormula("=\"a\"&\"b\"", cachedResult: "ab", row: 1, col: 0)
    }
    #expect(xml.contains("<f>SUM(1,2)</f>\n<v>3</v>"))
    #expect(xml.contains(#"<c r="A2" t="str">"#))
    #expect(xml.contains("<v>ab</v>"))
  }

  @Test(arguments: [Double.nan, .infinity, -.infinity])
  func nonFiniteNumbersThrow(_ value: Double) throws {
    _ = try writeWorkbook { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      #expect(throws: XLSXError.nonFiniteNumber(row: 3, col: 2)) {
        try sheet.write(value, row: 3, col: 2)
      }
      #expect(throws: XLSXError.nonFiniteNumber(row: 0, col: 0)) {
        try sheet.writeFormula("=1/0", cachedResult: value, row: 0, col: 0)
      }
    }
  }

  @Test func overLongTextThrowsInsteadOfTruncating() throws {
    _ = try writeWorkbook { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      let limit = String(repeating: "a", count: Worksheet.maxStringLength)
      try sheet.write(limit, row: 0, col: 0)
      #expect(throws: XLSXError.stringTooLong(row: 1, col: 0, length: 32_768)) {
        try sheet.write(limit + "b", row: 1, col: 0)
      }
      // Excel counts UTF-16 units: 16,384 emoji are 32,768 units.
      #expect(throws: XLSXError.stringTooLong(row: 2, col: 0, length: 32_768)) {
        try sheet.write(String(repeating: "😀", count: 16_384), row: 2, col: 0)
      }
    }
  }

  @Test func cellsOutsideTheGridThrow() throws {
    _ = try writeWorkbook { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      try sheet.write(1, row: Worksheet.maxRows - 1, col: Worksheet.maxColumns - 1)
      #expect(throws: XLSXError.cellOutOfRange(row: Worksheet.maxRows, col: 0)) {
        try sheet.write(1, row: Worksheet.maxRows, col: 0)
      }
      #expect(throws: XLSXError.cellOutOfRange(row: 0, col: Worksheet.maxColumns)) {
        try sheet.write("x", row: 0, col: Worksheet.maxColumns)
      }
      #expect(throws: XLSXError.cellOutOfRange(row: -1, col: 0)) {
        try sheet.writeBlank(row: -1, col: 0)
      }
    }
  }

  /// libxlsxwriter escapes U+0001…U+001F as `_xHHHH_` but not a literal `_xHHHH_`, and a NUL
  /// would cut the C string: all must read back as written and keep the XML well-formed.
  @Test(arguments: [false, true])
  func controlCharactersAndEscapesRoundTrip(constantMemory: Bool) throws {
    let texts = ["a\u{01}b\u{1F}c\td\ne\rf\u{0B}", "_x0041_ stays", "nul\u{0}inside", "\u{FFFF}end"]
    let options = WorkbookOptions(constantMemory: constantMemory, creationDate: pinnedDate)
    let url = try writeWorkbook(options: options) { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      for (row, text) in texts.enumerated() { try sheet.write(text, row: row, col: 0) }
    }
    let parts = try xlsxParts(at: url)
    let xml = try #require(parts[constantMemory ? "xl/worksheets/sheet1.xml" : "xl/sharedStrings.xml"])
    #expect(isWellFormedXML(xml))
    #expect(xml.contains("_x005F_x0041_ stays"))
    #expect(xml.contains("nul_x0000_inside"))
    #expect(xml.contains("a_x0001_b_x001F_c\td"))
    // Decoded as ECMA-376 says Excel does (ST_Xstring), every text reads back as written.
    #expect(textNodes(xml).map(decodeXString) == texts)
    // An independent reader opens it (openpyxl decodes only `_x005F_`, so compare loosely).
    #expect(try readBackWithOpenpyxl(url).count == texts.count)
  }

  @Test func constantMemoryWritesReadableWorkbookAndEnforcesRowOrder() throws {
    let options = WorkbookOptions(constantMemory: true, creationDate: pinnedDate)
    let url = try writeWorkbook(options: options) { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      for row in 0..<1000 {
        try sheet.write("r\(row)", row: row, col: 0)
        try sheet.write(Double(row), row: row, col: 1)
      }
      try sheet.write("same row is fine", row: 999, col: 2)
      #expect(throws: XLSXError.rowWrittenOutOfOrder(row: 5, currentRow: 999)) {
        try sheet.write("late", row: 5, col: 3)
      }
    }
    let parts = try xlsxParts(at: url)
    let sheet = try #require(parts["xl/worksheets/sheet1.xml"])
    #expect(parts["xl/sharedStrings.xml"] == nil)
    #expect(sheet.contains(#"<c r="A1000" t="inlineStr"><is><t>r999</t></is></c>"#))
    #expect(sheet.contains(#"<c r="B1000"><v>999</v></c>"#))
    #expect(try XLSXVerifier.verify(fileAt: url).contains("xl/worksheets/sheet1.xml"))
  }

  @Test func mergedTitleMatchesGolden() throws {
    let xml = try sheetPart { sheet in
      try sheet.merge(
        CellRange(firstRow: 0, firstCol: 0, lastRow: 0, lastCol: 3), text: "=Judul",
        style: CellStyle(isBold: true, horizontalAlignment: .center))
      try sheet.setColumnWidth(0, width: 12)
      try sheet.setColumnWidth(from: 1, through: 3, width: 20, style: CellStyle(isLocked: false))
      try sheet.setRowHeight(0, height: 30)
    }
    assertMatchesGolden(xml, suite: "WorksheetWriteTests", name: "mergedTitleMatchesGolden.xml")
  }

  @Test func useAfterCloseThrows() throws {
    var kept: Worksheet?
    _ = try writeWorkbook { kept = try $0.addWorksheet(named: "Data") }
    #expect(throws: XLSXError.workbookClosed) { try kept?.write("x", row: 0, col: 0) }
  }
}

/// Decodes `_xHHHH_` escapes left to right, as Excel reads shared and inline strings.
func decodeXString(_ text: String) -> String {
  var result = ""
  var rest = Substring(text)
  while let start = rest.range(of: "_x") {
    let after = rest[start.upperBound...]
    let hex = after.prefix(4)
    if hex.count == 4, hex.allSatisfy(\.isHexDigit), after.dropFirst(4).first == "_",
      let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value)
    {
      result += rest[..<start.lowerBound] + String(Character(scalar))
      rest = after.dropFirst(5)
    } else {
      result += rest[..<start.upperBound]
      rest = after
    }
  }
  return result + rest
}

/// Reads column A of the first sheet back with Python's openpyxl (an independent reader).
func readBackWithOpenpyxl(_ url: URL) throws -> [String] {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  let script = """
    import json, sys, openpyxl
    ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
    print(json.dumps([row[0] for row in ws.iter_rows(values_only=True)]))
    """
  process.arguments = ["python3", "-c", script, url.path]
  let pipe = Pipe()
  process.standardOutput = pipe
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return try JSONDecoder().decode([String].self, from: data)
}
