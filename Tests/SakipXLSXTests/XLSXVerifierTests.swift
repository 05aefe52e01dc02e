import Foundation
import SakipTestSupport
import Testing

@testable import SakipXLSX

@Suite struct XLSXVerifierTests {
  private func sample() throws -> Data {
    let url = try writeWorkbook { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      for row in 0..<200 { try sheet.write("baris \(row)", row: row, col: 0) }
    }
    return try Data(contentsOf: url)
  }

  @Test func soundPackagePasses() throws {
    let names = try XLSXVerifier.verify(data: sample(), requiredParts: ["xl/worksheets/sheet1.xml"])
    #expect(names.contains("xl/sharedStrings.xml"))
  }

  @Test(arguments: [0.0, 0.25, 0.5, 0.9, 0.999])
  func truncatedCopyFails(_ fraction: Double) throws {
    let data = try sample()
    let truncated = data.prefix(Int(Double(data.count) * fraction))
    let folder = try makeScratchFolder()
    let url = folder.appendingPathComponent("truncated.xlsx")
    try truncated.write(to: url)
    #expect(throws: XLSXError.self) { try XLSXVerifier.verify(fileAt: url) }
  }

  @Test func damagedCentralDirectoryFails() throws {
    var data = try sample()
    // Overwrite the first central-directory signature.
    let signature = Data([0x50, 0x4B, 0x01, 0x02])
    let range = try #require(data.range(of: signature))
    data.replaceSubrange(range, with: Data([0, 0, 0, 0]))
    #expect(throws: XLSXError.self) { try XLSXVerifier.verify(data: data) }
  }

  @Test func damagedLocalHeaderFails() throws {
    var data = try sample()
    data.replaceSubrange(0..<4, with: Data([0, 0, 0, 0]))
    #expect(throws: XLSXError.self) { try XLSXVerifier.verify(data: data) }
  }

  @Test func missingRequiredPartFails() throws {
    #expect(throws: XLSXError.self) {
      try XLSXVerifier.verify(data: sample(), requiredParts: ["xl/worksheets/sheet2.xml"])
    }
  }

  @Test func missingFileFails() {
    #expect(throws: XLSXError.self) {
      try XLSXVerifier.verify(fileAt: URL(fileURLWithPath: "/nonexistent/x.xlsx"))
    }
  }
}

/// The damage libxlsxwriter does without reporting it when its temporary folder is full
/// (measured on a 64 KiB tmpfs, see the report): a zip that is sound, with good CRCs, around
/// a sheet that is cut short or lost its rows.
@Suite struct XLSXVerifierContentTests {
  private func rezipped(_ edit: (inout String) -> Void) throws -> URL {
    let url = try writeWorkbook { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      for row in 0..<500 { try sheet.write(Double(row), row: row, col: 0) }
    }
    var parts = try xlsxParts(at: url)
    var sheet = try #require(parts["xl/worksheets/sheet1.xml"])
    edit(&sheet)
    parts["xl/worksheets/sheet1.xml"] = sheet
    let copy = url.deletingLastPathComponent().appendingPathComponent("edited.xlsx")
    try writeXLSXParts(parts, to: copy)
    return copy
  }

  @Test func untouchedRezipPasses() throws {
    try XLSXVerifier.verify(fileAt: rezipped { _ in })
  }

  @Test func sheetCutShortFails() throws {
    let url = try rezipped { $0 = String($0.prefix($0.count * 6 / 10)) }
    #expect(throws: XLSXError.self) { try XLSXVerifier.verify(fileAt: url) }
  }

  @Test func sheetThatLostItsRowsFails() throws {
    let url = try rezipped { sheet in
      let start = sheet.range(of: "<sheetData>")!.upperBound
      let end = sheet.range(of: "</sheetData>")!.lowerBound
      sheet.replaceSubrange(start..<end, with: "")
    }
    // The public check cannot know how many rows were meant; the writer's check does.
    try XLSXVerifier.verify(fileAt: url)
    #expect(throws: XLSXError.verificationFailed(
      reason: "xl/worksheets/sheet1.xml: row 500 was written but the sheet holds no rows")) {
      try XLSXVerifier.verify(fileAt: url, requiredParts: [], lastRows: ["xl/worksheets/sheet1.xml": 500])
    }
  }

  @Test func sheetThatLostItsLastRowsFails() throws {
    let url = try rezipped { sheet in
      let start = sheet.range(of: "<row r=\"400\"")!.lowerBound
      let end = sheet.range(of: "</sheetData>")!.lowerBound
      sheet.replaceSubrange(start..<end, with: "")
    }
    #expect(throws: XLSXError.self) {
      try XLSXVerifier.verify(fileAt: url, requiredParts: [], lastRows: ["xl/worksheets/sheet1.xml": 500])
    }
  }

  @Test func flippedCompressedByteFails() throws {
    let url = try writeWorkbook { workbook in
      let sheet = try workbook.addWorksheet(named: "Data")
      for row in 0..<500 { try sheet.write("baris \(row)", row: row, col: 0) }
    }
    var data = try Data(contentsOf: url)
    let middle = data.count / 3
    data[middle] ^= 0x55
    #expect(throws: XLSXError.self) { try XLSXVerifier.verify(data: data) }
  }
}
