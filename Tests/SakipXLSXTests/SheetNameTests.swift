import SakipXLSX
import Testing

@Suite struct SheetNameTests {
  @Test(arguments: [
    "", String(repeating: "x", count: 32), "a[b", "a]b", "a:b", "a*b", "a?b", "a/b", "a\\b",
    "'quoted", "quoted'", "history", "tab\tname",
  ])
  func invalidNamesAreRefused(_ name: String) {
    #expect(throws: XLSXError.self) { try SheetName.validate(name) }
  }

  @Test(arguments: [
    "Ringkasan", "E.81", String(repeating: "x", count: 31), "Bidang Aplikasi Informatika", "it's",
  ])
  func validNamesAreAccepted(_ name: String) throws {
    try SheetName.validate(name)
  }

  @Test func duplicatesAreFoundIgnoringCase() throws {
    _ = try writeWorkbook { workbook in
      _ = try workbook.addWorksheet(named: "Pengukuran")
      #expect(throws: XLSXError.self) { try workbook.addWorksheet(named: "PENGUKURAN") }
      #expect(workbook.worksheetNames == ["Pengukuran"])
    }
  }

  @Test func lengthIsCountedInUTF16LikeExcel() {
    // 16 emoji are 16 characters but 32 UTF-16 units: Excel refuses them.
    #expect(throws: XLSXError.self) { try SheetName.validate(String(repeating: "😀", count: 16)) }
  }

  @Test(arguments: [
    ("Bidang [TIK]: 2025/26?", [String](), "Bidang _TIK__ 2025_26_"),
    ("'Sekretariat'", [], "Sekretariat"),
    ("", [], "Sheet"),
    ("Data", ["data"], "Data (2)"),
    ("Data", ["DATA", "Data (2)"], "Data (3)"),
    (String(repeating: "y", count: 40), [String(repeating: "y", count: 31)],
     String(repeating: "y", count: 27) + " (2)"),
  ])
  func sanitizedNamesAreValidAndUnique(_ text: String, existing: [String], expected: String) throws {
    let name = SheetName.sanitized(text, existing: existing)
    #expect(name == expected)
    try SheetName.validate(name, existing: existing)
  }
}
